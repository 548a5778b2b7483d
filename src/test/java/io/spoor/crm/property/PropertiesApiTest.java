package io.spoor.crm.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.http.Scope;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient.Answer;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CRM properties API: built-ins, custom properties and their typed values in use. */
class PropertiesApiTest {
  private static RunningSpoor server;
  private static SpoorClient client;

  @BeforeAll
  static void start() {
    server = RunningSpoor.start();
    client = server.client();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void builtInsAreListedAsHubSpotDefinedAndCannotBeChanged() {
    JsonArray results = client.get("/crm/v3/properties/contacts").json().getJsonArray("results");
    JsonObject email = results.stream().map(JsonObject.class::cast).filter(p -> p.getString("name").equals("email"))
        .findFirst().orElseThrow();
    assertTrue(email.getBoolean("hubspotDefined"));
    assertTrue(email.getBoolean("hasUniqueValue"));
    assertEquals(400, client.delete("/crm/v3/properties/contacts/email").status());
    assertEquals(409, client.send("POST", "/crm/v3/properties/contacts", new JsonObject().put("name", "email")
        .put("label", "Email").put("type", "string").put("fieldType", "text")).status());
    assertTrue(client.get("/crm/v3/properties/companies").body().contains("\"domain\""));
  }

  @Test
  void aCustomDatePropertyTakesMidnightUtcValuesFromTheEventsApi() {
    Answer created = client.send("POST", "/crm/v3/properties/contacts", new JsonObject().put("name", "renewal_date")
        .put("label", "Renewal date").put("type", "date").put("fieldType", "date").put("groupName", "contactinformation"));
    assertEquals(201, created.status(), created.body());
    assertTrue(!created.json().getBoolean("hubspotDefined"));
    client.event("_a=1&_n=renewed&email=renew@example.com&renewal_date=1430438400000");
    client.event("_a=1&_n=renewed&email=renew2@example.com&renewal_date=1430438400001");
    assertEquals("2015-05-01", client.get("/crm/v3/objects/contacts/renew%40example.com?idProperty=email"
        + "&properties=renewal_date").json().getJsonObject("properties").getString("renewal_date"));
    assertTrue(client.get("/api/v1/rejections?limit=1000").body().contains("renewal_date must be at midnight UTC"));
  }

  @Test
  void customDatesAndDatetimesAreShownInIsoFormInWritesReadsBatchesListsAndSearch() {
    for (String[] p : new String[][] {{"trial_end", "date"}, {"last_demo_at", "datetime"}}) {
      assertEquals(201, client.send("POST", "/crm/v3/properties/contacts", new JsonObject().put("name", p[0])
          .put("label", p[0]).put("type", p[1]).put("fieldType", "date").put("groupName", "contactinformation"))
          .status());
    }
    JsonObject values = new JsonObject().put("email", "dated@example.com").put("trial_end", "1430438400000")
        .put("last_demo_at", "2024-05-01T10:00:00Z");
    Answer created = client.send("POST", "/crm/v3/objects/contacts", new JsonObject().put("properties", values));
    assertEquals(201, created.status(), created.body());
    assertDated(created.json());
    String id = created.json().getString("id");
    assertDated(client.get("/crm/v3/objects/contacts/" + id + "?properties=trial_end,last_demo_at").json());
    assertDated(client.send("PATCH", "/crm/v3/objects/contacts/" + id, new JsonObject()
        .put("properties", new JsonObject().put("firstname", "Dee"))).json());
    assertDated(client.send("POST", "/crm/v3/objects/contacts/batch/read", new JsonObject()
        .put("properties", new JsonArray().add("trial_end").add("last_demo_at"))
        .put("inputs", new JsonArray().add(new JsonObject().put("id", id)))).json()
        .getJsonArray("results").getJsonObject(0));
    assertDated(client.send("POST", "/crm/v3/objects/contacts/batch/update", new JsonObject()
        .put("inputs", new JsonArray().add(new JsonObject().put("id", id)
            .put("properties", new JsonObject().put("lastname", "Dated"))))).json()
        .getJsonArray("results").getJsonObject(0));
    JsonArray listed = client.get("/crm/v3/objects/contacts?limit=100&properties=email,trial_end,last_demo_at")
        .json().getJsonArray("results");
    assertDated(listed.stream().map(JsonObject.class::cast).filter(o -> o.getString("id").equals(id))
        .findFirst().orElseThrow());
    JsonObject search = new JsonObject().put("properties", new JsonArray().add("trial_end").add("last_demo_at"))
        .put("filterGroups", new JsonArray().add(new JsonObject().put("filters", new JsonArray().add(
            new JsonObject().put("propertyName", "email").put("operator", "EQ").put("value", "dated@example.com")))));
    assertDated(client.send("POST", "/crm/v3/objects/contacts/search", search).json()
        .getJsonArray("results").getJsonObject(0));
  }

  private static void assertDated(JsonObject object) {
    JsonObject properties = object.getJsonObject("properties");
    assertEquals("2015-05-01", properties.getString("trial_end"), object.encode());
    assertEquals("2024-05-01T10:00:00Z", properties.getString("last_demo_at"), object.encode());
  }

  @Test
  void aUniqueCustomPropertyBelongsToOneContactAndIsFreedWhenCleared() {
    assertEquals(201, client.send("POST", "/crm/v3/properties/contacts", new JsonObject().put("name", "member_no")
        .put("label", "Member number").put("type", "string").put("fieldType", "text")
        .put("groupName", "contactinformation").put("hasUniqueValue", true)).status());
    Answer first = client.send("POST", "/crm/v3/objects/contacts", new JsonObject().put("properties",
        new JsonObject().put("email", "member1@example.com").put("member_no", "M-1")));
    assertEquals(201, first.status(), first.body());
    String firstId = first.json().getString("id");
    Answer second = client.send("POST", "/crm/v3/objects/contacts", new JsonObject().put("properties",
        new JsonObject().put("email", "member2@example.com").put("member_no", "M-1")));
    assertEquals(409, second.status(), second.body());
    assertTrue(second.body().contains("already exists. Existing ID: " + firstId), second.body());
    Answer other = client.send("POST", "/crm/v3/objects/contacts", new JsonObject().put("properties",
        new JsonObject().put("email", "member2@example.com").put("member_no", "M-2")));
    String otherId = other.json().getString("id");
    Answer patched = client.send("PATCH", "/crm/v3/objects/contacts/" + otherId, new JsonObject()
        .put("properties", new JsonObject().put("member_no", "M-1")));
    assertEquals(409, patched.status(), patched.body());
    assertEquals(firstId, client.get("/crm/v3/objects/contacts/M-1?idProperty=member_no").json().getString("id"));
    assertEquals(otherId, client.get("/crm/v3/objects/contacts/M-2?idProperty=member_no").json().getString("id"));
    assertEquals(200, client.send("PATCH", "/crm/v3/objects/contacts/" + firstId, new JsonObject()
        .put("properties", new JsonObject().put("member_no", ""))).status());
    assertEquals(404, client.get("/crm/v3/objects/contacts/M-1?idProperty=member_no").status());
    assertEquals(200, client.send("PATCH", "/crm/v3/objects/contacts/" + otherId, new JsonObject()
        .put("properties", new JsonObject().put("member_no", "M-1"))).status());
    assertEquals(otherId, client.get("/crm/v3/objects/contacts/M-1?idProperty=member_no").json().getString("id"));
  }

  @Test
  void aUniqueCustomValueIsRefusedInBatchesUpsertsAndFromTheEventsApi() {
    assertEquals(201, client.send("POST", "/crm/v3/properties/contacts", new JsonObject().put("name", "badge_no")
        .put("label", "Badge number").put("type", "string").put("fieldType", "text")
        .put("groupName", "contactinformation").put("hasUniqueValue", true)).status());
    Answer batch = client.send("POST", "/crm/v3/objects/contacts/batch/create", new JsonObject().put("inputs",
        new JsonArray().add(input("badge1@example.com", "B-1")).add(input("badge2@example.com", "B-1"))));
    assertEquals(409, batch.status(), batch.body());
    Answer created = client.send("POST", "/crm/v3/objects/contacts/batch/create", new JsonObject().put("inputs",
        new JsonArray().add(input("badge1@example.com", "B-1")).add(input("badge2@example.com", "B-2"))));
    assertEquals(201, created.status(), created.body());
    Answer upsert = client.send("POST", "/crm/v3/objects/contacts/batch/upsert", new JsonObject().put("inputs",
        new JsonArray().add(new JsonObject().put("idProperty", "email").put("id", "badge3@example.com")
            .put("properties", new JsonObject().put("badge_no", "B-2")))));
    assertEquals(207, upsert.status(), upsert.body());
    assertEquals("CONFLICT", upsert.json().getJsonArray("errors").getJsonObject(0).getString("category"));
    client.event("_a=1&_n=badged&email=badge4@example.com&badge_no=B-1");
    assertTrue(client.get("/api/v1/rejections?limit=1000").body().contains("badge_no has unique values"));
    assertNull(client.get("/crm/v3/objects/contacts/badge4%40example.com?idProperty=email"
        + "&properties=badge_no").json().getJsonObject("properties").getString("badge_no"));
    assertEquals("badge1@example.com", client.get("/crm/v3/objects/contacts/B-1?idProperty=badge_no&properties=email")
        .json().getJsonObject("properties").getString("email"));
  }

  private static JsonObject input(String email, String badge) {
    return new JsonObject().put("properties", new JsonObject().put("email", email).put("badge_no", badge));
  }

  @Test
  void enumerationPropertiesNeedOptionsAndCheckThem() {
    assertEquals(400, client.send("POST", "/crm/v3/properties/contacts", new JsonObject().put("name", "tier")
        .put("label", "Tier").put("type", "enumeration").put("fieldType", "select")).status());
    JsonArray options = new JsonArray().add(new JsonObject().put("label", "Gold").put("value", "gold"))
        .add(new JsonObject().put("label", "Silver").put("value", "silver"));
    assertEquals(201, client.send("POST", "/crm/v3/properties/contacts", new JsonObject().put("name", "tier")
        .put("label", "Tier").put("type", "enumeration").put("fieldType", "select").put("options", options)).status());
    client.event("_a=1&_n=tiered&email=tier@example.com&tier=platinum");
    assertTrue(client.get("/api/v1/rejections?limit=1000").body().contains("tier has no option"));
    Answer patched = client.send("PATCH", "/crm/v3/properties/contacts/tier", new JsonObject().put("label", "Level"));
    assertEquals("Level", patched.json().getString("label"));
    assertEquals(2, patched.json().getJsonArray("options").size());
    assertEquals(204, client.delete("/crm/v3/properties/contacts/tier").status());
    assertEquals(404, client.get("/crm/v3/properties/contacts/tier").status());
  }

  @Test
  void aTypeAndFieldTypeMustFitAndSchemaScopesAreNeeded() {
    assertEquals(400, client.send("POST", "/crm/v3/properties/contacts", new JsonObject().put("name", "odd")
        .put("label", "Odd").put("type", "number").put("fieldType", "checkbox")).status());
    assertEquals(404, client.get("/crm/v3/properties/widgets").status());
    String reader = server.spoor().portals().issueToken(1, "objects only", EnumSet.of(Scope.CONTACTS_READ)).value();
    assertEquals(403, client.withToken(reader).get("/crm/v3/properties/contacts").status());
    assertTrue(client.get("/properties/v1/contacts/properties").body().startsWith("["));
  }

  @Test
  void anotherPortalsCustomPropertiesAreInvisible() {
    server.spoor().portals().create(2, "Second");
    SpoorClient other = client.withToken(server.spoor().portals().issueToken(2, "t", Scope.all()).value());
    client.send("POST", "/crm/v3/properties/contacts", new JsonObject().put("name", "secret_score")
        .put("label", "Secret").put("type", "number").put("fieldType", "number"));
    assertEquals(404, other.get("/crm/v3/properties/contacts/secret_score").status());
    assertTrue(!other.get("/crm/v3/properties/contacts").body().contains("secret_score"));
    assertEquals(404, other.delete("/crm/v3/properties/contacts/secret_score").status());
  }
}
