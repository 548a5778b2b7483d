package io.spoor.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.portal.Scope;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorClient.Answer;
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
    assertEquals("1430438400000", client.get("/crm/v3/objects/contacts/renew%40example.com?idProperty=email"
        + "&properties=renewal_date").json().getJsonObject("properties").getString("renewal_date"));
    assertTrue(client.get("/api/v1/rejections?limit=1000").body().contains("renewal_date must be at midnight UTC"));
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
