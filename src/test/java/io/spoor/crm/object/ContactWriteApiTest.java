package io.spoor.crm.object;

import static io.spoor.crm.ContactApi.PATH;
import static io.spoor.crm.ContactApi.create;
import static io.spoor.crm.ContactApi.get;
import static io.spoor.crm.ContactApi.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.http.Scope;
import io.spoor.testkit.SpoorClient.Answer;
import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorPerClass;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Create, update and archive one contact: {@code POST}, {@code PATCH}, {@code DELETE}. */
class ContactWriteApiTest extends SpoorPerClass {

  @Test
  void createAnswersTheNewContactInHubSpotsShape() {
    Answer answer = client.send("POST", PATH, properties(Map.of("email", "Ada@Example.com", "firstname", "Ada",
        "closedate", "2024-05-01T10:00:00Z")));
    assertEquals(201, answer.status(), answer.body());
    JsonObject json = answer.json();
    JsonObject p = json.getJsonObject("properties");
    assertEquals("ada@example.com", p.getString("email"));
    assertEquals("Ada", p.getString("firstname"));
    assertEquals("2024-05-01T10:00:00Z", p.getString("closedate"));
    assertEquals(json.getString("id"), p.getString("hs_object_id"));
    assertEquals(json.getString("createdAt"), p.getString("createdate"));
    assertFalse(json.getBoolean("archived"));
    assertEquals("Ada", get(client, json.getString("id"), "properties=firstname").json()
        .getJsonObject("properties").getString("firstname"));
  }

  @Test
  void aContactWithoutEmailIsCreated() {
    String id = create(client, Map.of("firstname", "Nameless"));
    JsonObject p = get(client, id, "").json().getJsonObject("properties");
    assertEquals("Nameless", p.getString("firstname"));
    assertNull(p.getString("email"));
  }

  @Test
  void aTakenEmailIsAConflictNamingTheExistingContact() {
    String id = create(client, Map.of("email", "taken@example.com"));
    Answer answer = client.send("POST", PATH, properties(Map.of("email", "TAKEN@example.com")));
    assertEquals(409, answer.status());
    assertEquals("CONFLICT", answer.json().getString("category"));
    assertEquals("Contact already exists. Existing ID: " + id, answer.json().getString("message"));
  }

  @Test
  void everyBadPropertyIsListedInOneValidationError() {
    Answer answer = client.send("POST", PATH, properties(Map.of("email", "bad-values@example.com",
        "no_such_thing", "x", "total_revenue", "lots", "lifecyclestage", "boss", "hs_object_id", "7")));
    assertEquals(400, answer.status());
    JsonObject json = answer.json();
    assertEquals("VALIDATION_ERROR", json.getString("category"));
    String message = json.getString("message");
    assertTrue(message.startsWith("Property values were not valid: ["), message);
    JsonArray problems = new JsonArray(message.substring("Property values were not valid: ".length()));
    assertEquals(4, problems.size(), message);
    assertEquals(Map.of("no_such_thing", "PROPERTY_DOESNT_EXIST", "total_revenue", "INVALID_INTEGER",
        "lifecyclestage", "INVALID_OPTION", "hs_object_id", "READ_ONLY_VALUE"), errorsByName(problems));
    assertEquals(404, get(client, "bad-values@example.com", "idProperty=email").status());
  }

  @Test
  void anEmailThatIsNotAnAddressIsRefused() {
    Answer answer = client.send("POST", PATH, properties(Map.of("email", "not-an-address")));
    assertEquals(400, answer.status());
    assertTrue(answer.json().getString("message").contains("\"error\":\"INVALID_EMAIL\""), answer.body());
  }

  @Test
  void patchSetsAndEmptyStringClears() {
    String id = create(client, Map.of("email", "patch@example.com", "firstname", "Grace", "city", "Arlington"));
    Answer answer = client.send("PATCH", PATH + "/" + id, properties(Map.of("firstname", "Ada", "city", "")));
    assertEquals(200, answer.status(), answer.body());
    JsonObject p = get(client, id, "properties=firstname,city").json().getJsonObject("properties");
    assertEquals("Ada", p.getString("firstname"));
    assertNull(p.getString("city"));
  }

  @Test
  void patchByEmailFindsTheContact() {
    String id = create(client, Map.of("email", "by-email@example.com"));
    Answer answer = client.send("PATCH", PATH + "/BY-EMAIL%40example.com?idProperty=email",
        properties(Map.of("jobtitle", "Engineer")));
    assertEquals(200, answer.status(), answer.body());
    assertEquals(id, answer.json().getString("id"));
    assertEquals("Engineer", answer.json().getJsonObject("properties").getString("jobtitle"));
  }

  @Test
  void patchOfAnUnknownContactIsNotFound() {
    Answer answer = client.send("PATCH", PATH + "/999999", properties(Map.of("firstname", "Nobody")));
    assertEquals(404, answer.status());
    assertEquals("OBJECT_NOT_FOUND", answer.json().getString("category"));
  }

  @Test
  void patchRefusesReadOnlyPropertiesAndLeavesTheRestAlone() {
    String id = create(client, Map.of("email", "readonly@example.com"));
    Answer answer = client.send("PATCH", PATH + "/" + id, properties(Map.of("createdate", "0", "firstname", "X")));
    assertEquals(400, answer.status());
    assertTrue(answer.json().getString("message").contains("READ_ONLY_VALUE"), answer.body());
    assertNull(get(client, id, "properties=firstname").json().getJsonObject("properties").getString("firstname"));
  }

  @Test
  void lifecycleStageMovesBackOnlyAfterBeingCleared() {
    String id = create(client, Map.of("lifecyclestage", "customer"));
    assertEquals(400, client.send("PATCH", PATH + "/" + id, properties(Map.of("lifecyclestage", "lead"))).status());
    assertEquals(200, client.send("PATCH", PATH + "/" + id, properties(Map.of("lifecyclestage", ""))).status());
    assertEquals(200, client.send("PATCH", PATH + "/" + id, properties(Map.of("lifecyclestage", "lead"))).status());
    assertEquals("lead", get(client, id, "properties=lifecyclestage").json().getJsonObject("properties")
        .getString("lifecyclestage"));
  }

  @Test
  void changingTheEmailMovesTheKey() {
    String id = create(client, Map.of("email", "old@example.com"));
    assertEquals(200, client.send("PATCH", PATH + "/" + id, properties(Map.of("email", "new@example.com"))).status());
    assertEquals(404, get(client, "old@example.com", "idProperty=email").status());
    assertEquals(id, get(client, "new@example.com", "idProperty=email").json().getString("id"));
    create(client, Map.of("email", "old@example.com"));
  }

  @Test
  void changingTheEmailToATakenOneIsAConflict() {
    String first = create(client, Map.of("email", "first-owner@example.com"));
    String second = create(client, Map.of("email", "second-owner@example.com"));
    Answer answer = client.send("PATCH", PATH + "/" + second, properties(Map.of("email", "first-owner@example.com")));
    assertEquals(409, answer.status());
    assertEquals("Contact already exists. Existing ID: " + first, answer.json().getString("message"));
    assertEquals(second, get(client, "second-owner@example.com", "idProperty=email").json().getString("id"));
  }

  @Test
  void deleteArchivesTheContactAndFreesItsEmail() {
    String id = create(client, Map.of("email", "leaving@example.com"));
    assertEquals(204, client.delete(PATH + "/" + id).status());
    assertEquals(404, get(client, id, "").status());
    assertEquals(404, client.send("PATCH", PATH + "/" + id, properties(Map.of("firstname", "X"))).status());
    assertNotEquals(id, create(client, Map.of("email", "leaving@example.com")));
    assertEquals(204, client.delete(PATH + "/" + id).status());
  }

  @Test
  void hitsForAnApiCreatedEmailCountForThatContact() {
    String id = create(client, Map.of("email", "tracked@example.com"));
    client.event("_a=1&_n=api_then_hit&email=tracked@example.com");
    assertEquals("1", get(client, id, "properties=hs_analytics_num_event_completions").json()
        .getJsonObject("properties").getString("hs_analytics_num_event_completions"));
  }

  @Test
  void writesNeedTheWriteScope() {
    SpoorClient reader = server.scoped(EnumSet.of(Scope.CONTACTS_READ));
    Answer answer = reader.send("POST", PATH, properties(Map.of("firstname", "Reader")));
    assertEquals(403, answer.status());
    assertEquals("MISSING_SCOPES", answer.json().getString("category"));
    assertEquals(403, reader.delete(PATH + "/1").status());
  }

  @Test
  void anotherPortalsTokenNeverUpdatesOrArchivesTheContact() {
    String id = create(client, Map.of("email", "portal-one@example.com", "firstname", "One"));
    SpoorClient other = secondPortal();
    assertEquals(404, get(other, id, "").status());
    assertEquals(404, other.send("PATCH", PATH + "/" + id, properties(Map.of("firstname", "Two"))).status());
    assertEquals(404, other.send("PATCH", PATH + "/portal-one%40example.com?idProperty=email",
        properties(Map.of("firstname", "Two"))).status());
    assertEquals(204, other.delete(PATH + "/" + id).status());
    String theirs = create(other, Map.of("email", "portal-one@example.com"));
    assertNotEquals(id, theirs);
    JsonObject p = get(client, id, "properties=firstname,email").json().getJsonObject("properties");
    assertEquals("One", p.getString("firstname"));
    assertEquals("portal-one@example.com", p.getString("email"));
  }

  private static Map<String, String> errorsByName(JsonArray problems) {
    Map<String, String> byName = new java.util.HashMap<>();
    for (Object o : problems) {
      JsonObject problem = (JsonObject) o;
      assertEquals(false, problem.getBoolean("isValid"));
      byName.put(problem.getString("name"), problem.getString("error"));
    }
    return byName;
  }
}
