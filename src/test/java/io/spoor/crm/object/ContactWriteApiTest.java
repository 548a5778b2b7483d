package io.spoor.crm.object;

import static io.spoor.crm.ContactApi.PATH;
import static io.spoor.crm.ContactApi.create;
import static io.spoor.crm.ContactApi.get;
import static io.spoor.crm.ContactApi.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.SpoorClient.Answer;
import io.spoor.testkit.SpoorPerClass;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What only a contact does on create and update; what contacts and companies do alike is {@link ObjectWriteApiTest}'s. */
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
  void hitsForAnApiCreatedEmailCountForThatContact() {
    String id = create(client, Map.of("email", "tracked@example.com"));
    client.event("_a=1&_n=api_then_hit&email=tracked@example.com");
    assertEquals("1", get(client, id, "properties=hs_analytics_num_event_completions").json()
        .getJsonObject("properties").getString("hs_analytics_num_event_completions"));
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
