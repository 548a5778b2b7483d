package io.spoor.crm.object;

import static io.spoor.crm.ContactApi.batch;
import static io.spoor.crm.ContactApi.create;
import static io.spoor.crm.ContactApi.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.crm.ContactApi;
import io.spoor.testkit.SpoorClient.Answer;
import io.spoor.testkit.SpoorPerClass;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contacts' own batch cases; those contacts and companies share are {@link ObjectBatchApiTest}'s. */
class ContactBatchApiTest extends SpoorPerClass {

  @Test
  void batchCreateAnswersEveryContactWithItsTraceId() {
    Answer answer = batch(client, "create", new JsonArray()
        .add(input(Map.of("email", "one@batch.example", "firstname", "One")).put("objectWriteTraceId", "t-1"))
        .add(input(Map.of("firstname", "No email"))));
    assertEquals(201, answer.status(), answer.body());
    JsonObject json = answer.json();
    assertEquals("COMPLETE", json.getString("status"));
    assertTrue(json.containsKey("startedAt") && json.containsKey("completedAt"), answer.body());
    JsonObject first = json.getJsonArray("results").getJsonObject(0);
    assertEquals("t-1", first.getString("objectWriteTraceId"));
    assertEquals("one@batch.example", first.getJsonObject("properties").getString("email"));
    String second = json.getJsonArray("results").getJsonObject(1).getString("id");
    assertEquals("No email", get(client, second, "properties=firstname").json().getJsonObject("properties")
        .getString("firstname"));
  }

  @Test
  void batchCreateWithABadValueCreatesNothing() {
    Answer answer = batch(client, "create", new JsonArray().add(input(Map.of("email", "good@batch.example")))
        .add(input(Map.of("email", "bad@batch.example", "nope", "x"))));
    assertEquals(400, answer.status());
    assertTrue(answer.json().getString("message").contains("PROPERTY_DOESNT_EXIST"), answer.body());
    assertEquals(404, get(client, "good@batch.example", "idProperty=email").status());
  }

  @Test
  void batchReadReportsMissingIdsIn207() {
    String id = create(client, Map.of("email", "read@batch.example", "city", "Lima"));
    Answer answer = client.send("POST", ContactApi.PATH + "/batch/read", new JsonObject()
        .put("properties", new JsonArray().add("city")).put("propertiesWithHistory", new JsonArray().add("city"))
        .put("inputs", new JsonArray().add(new JsonObject().put("id", id)).add(new JsonObject().put("id", "999999"))));
    assertEquals(207, answer.status(), answer.body());
    JsonObject json = answer.json();
    JsonObject found = json.getJsonArray("results").getJsonObject(0);
    assertEquals("Lima", found.getJsonObject("properties").getString("city"));
    assertEquals("Lima", found.getJsonObject("propertiesWithHistory").getJsonArray("city").getJsonObject(0)
        .getString("value"));
    assertEquals(1, json.getInteger("numErrors"));
    JsonObject error = json.getJsonArray("errors").getJsonObject(0);
    assertEquals("error", error.getString("status"));
    assertEquals("OBJECT_NOT_FOUND", error.getString("category"));
    assertEquals(List.of("999999"), error.getJsonObject("context").getJsonArray("ids").getList());
  }

  @Test
  void batchReadByEmailFindsEveryContact() {
    create(client, Map.of("email", "a@read.example"));
    create(client, Map.of("email", "b@read.example"));
    Answer answer = client.send("POST", ContactApi.PATH + "/batch/read", new JsonObject().put("idProperty", "email")
        .put("inputs", new JsonArray().add(new JsonObject().put("id", "a@read.example"))
            .add(new JsonObject().put("id", "B@read.example"))));
    assertEquals(200, answer.status(), answer.body());
    assertEquals(2, answer.json().getJsonArray("results").size());
    assertFalse(answer.json().containsKey("errors"));
  }

  @Test
  void batchUpdateWritesTheGoodInputsAndReportsTheOthers() {
    String id = create(client, Map.of("email", "update@batch.example"));
    Answer answer = batch(client, "update", new JsonArray()
        .add(input(Map.of("firstname", "Updated")).put("id", id).put("objectWriteTraceId", "good"))
        .add(input(Map.of("firstname", "Ghost")).put("id", "999999").put("objectWriteTraceId", "missing"))
        .add(input(Map.of("total_revenue", "much")).put("id", id + "").put("idProperty", "hs_object_id")
            .put("objectWriteTraceId", "invalid")));
    assertEquals(400, answer.status(), "the same contact twice is refused whole");
    answer = batch(client, "update", new JsonArray()
        .add(input(Map.of("firstname", "Updated")).put("id", id).put("objectWriteTraceId", "good"))
        .add(input(Map.of("firstname", "Ghost")).put("id", "999999").put("objectWriteTraceId", "missing"))
        .add(input(Map.of("total_revenue", "much")).put("id", "update@batch.example").put("idProperty", "email")
            .put("objectWriteTraceId", "invalid")));
    assertEquals(207, answer.status(), answer.body());
    JsonObject json = answer.json();
    assertEquals("good", json.getJsonArray("results").getJsonObject(0).getString("objectWriteTraceId"));
    JsonArray errors = json.getJsonArray("errors");
    assertEquals("OBJECT_NOT_FOUND", errors.getJsonObject(0).getString("category"));
    assertEquals("missing", errors.getJsonObject(0).getString("objectWriteTraceId"));
    assertEquals("VALIDATION_ERROR", errors.getJsonObject(1).getString("category"));
    assertEquals("invalid", errors.getJsonObject(1).getString("objectWriteTraceId"));
    assertEquals("Updated", get(client, id, "properties=firstname").json().getJsonObject("properties")
        .getString("firstname"));
  }

  @Test
  void batchUpsertCreatesOrUpdatesByEmailAndSaysWhich() {
    String existing = create(client, Map.of("email", "upsert-old@batch.example"));
    Answer answer = batch(client, "upsert", new JsonArray()
        .add(upsert("Upsert-Old@batch.example", Map.of("firstname", "Old")))
        .add(upsert("upsert-new@batch.example", Map.of("firstname", "New"))));
    assertEquals(200, answer.status(), answer.body());
    JsonArray results = answer.json().getJsonArray("results");
    assertEquals(existing, results.getJsonObject(0).getString("id"));
    assertFalse(results.getJsonObject(0).getBoolean("new"));
    assertTrue(results.getJsonObject(1).getBoolean("new"));
    assertEquals("upsert-new@batch.example", results.getJsonObject(1).getJsonObject("properties").getString("email"));
    assertEquals("Old", get(client, existing, "properties=firstname").json().getJsonObject("properties")
        .getString("firstname"));
  }

  @Test
  void batchUpsertReportsABadInputIn207() {
    Answer answer = batch(client, "upsert", new JsonArray()
        .add(upsert("not-an-email", Map.of()).put("objectWriteTraceId", "bad"))
        .add(upsert("fine@batch.example", Map.of("hs_analytics_source", "DIRECT"))));
    assertEquals(207, answer.status(), answer.body());
    JsonObject json = answer.json();
    assertEquals(0, json.getJsonArray("results").size());
    assertEquals(2, json.getInteger("numErrors"));
    assertEquals("bad", json.getJsonArray("errors").getJsonObject(0).getString("objectWriteTraceId"));
    assertTrue(json.getJsonArray("errors").getJsonObject(1).getString("message").contains("READ_ONLY_VALUE"));
  }

  private static JsonObject input(Map<String, String> properties) {
    return ContactApi.properties(properties);
  }

  private static JsonObject upsert(String email, Map<String, String> properties) {
    return input(properties).put("idProperty", "email").put("id", email);
  }
}
