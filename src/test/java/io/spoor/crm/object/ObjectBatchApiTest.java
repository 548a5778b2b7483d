package io.spoor.crm.object;

import static io.spoor.crm.ContactApi.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorClient.Answer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The batch calls as contacts and companies take them alike: creates with trace ids and
 * all-or-nothing, reads by id or key with the missing ones reported, updates of good and bad
 * inputs, upserts by the key, one input per object, the size limit, archive, and portals kept apart. What only one type does is in
 * {@code ContactBatchApiTest} and {@code CompanyBatchApiTest}.
 */
class ObjectBatchApiTest extends TwoPortalSuite {
  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void batchCreateIsAllOrNothingWhenAKeyIsTaken(ObjectKind kind) {
    String existing = kind.create(client, Map.of(kind.keyProperty, kind.key("existing-batch")));
    Answer answer = kind.batch(client, "create", new JsonArray()
        .add(properties(Map.of(kind.keyProperty, kind.key("fresh-batch"))))
        .add(properties(Map.of(kind.keyProperty, kind.key("existing-batch")))));
    assertEquals(409, answer.status());
    assertEquals(kind.label + " already exists. Existing ID: " + existing, answer.json().getString("message"));
    assertEquals(404, kind.getByKey(client, "fresh-batch").status());
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void batchCreateRefusesTheSameKeyTwice(ObjectKind kind) {
    Answer answer = kind.batch(client, "create", new JsonArray()
        .add(properties(Map.of(kind.keyProperty, kind.key("twice-batch"))))
        .add(properties(Map.of(kind.keyProperty, kind.otherForm("twice-batch").replace("%40", "@")))));
    assertEquals(400, answer.status());
    assertEquals(404, kind.getByKey(client, "twice-batch").status());
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void batchUpdateRefusesTheSameObjectTwice(ObjectKind kind) {
    String id = kind.create(client, Map.of(kind.nameProperty, "Twice"));
    Answer answer = kind.batch(client, "update", new JsonArray()
        .add(properties(Map.of(kind.nameProperty, "A")).put("id", id))
        .add(properties(Map.of(kind.nameProperty, "B")).put("id", id)));
    assertEquals(400, answer.status());
    assertEquals("Twice", kind.get(client, id, "properties=" + kind.nameProperty).json()
        .getJsonObject("properties").getString(kind.nameProperty));
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void batchUpsertNeedsTheKeyAsItsIdProperty(ObjectKind kind) {
    Answer answer = kind.batch(client, "upsert", new JsonArray()
        .add(properties(Map.of()).put("id", "1").put("idProperty", "hs_object_id")));
    assertEquals(400, answer.status());
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void batchArchiveAnswers204AndIgnoresUnknownIds(ObjectKind kind) {
    String id = kind.create(client, Map.of(kind.keyProperty, kind.key("archive-batch")));
    Answer answer = kind.batch(client, "archive", new JsonArray().add(new JsonObject().put("id", id))
        .add(new JsonObject().put("id", "999999")).add(new JsonObject().put("id", "not-a-number")));
    assertEquals(204, answer.status(), answer.body());
    assertEquals(404, kind.get(client, id, "").status());
    assertNotEquals(id, kind.create(client, Map.of(kind.keyProperty, kind.key("archive-batch"))));
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void moreThanAHundredInputsAreRefused(ObjectKind kind) {
    JsonArray inputs = new JsonArray();
    for (int i = 0; i < 101; i++) {
      inputs.add(properties(Map.of(kind.nameProperty, "n" + i)));
    }
    for (String call : List.of("create", "update", "upsert", "read", "archive")) {
      Answer answer = kind.batch(client, call, inputs);
      assertEquals(400, answer.status(), call);
      assertEquals("VALIDATION_ERROR", answer.json().getString("category"), call);
    }
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void anotherPortalsTokenNeverReadsUpdatesOrArchivesInBatches(ObjectKind kind) {
    String id = kind.create(client, Map.of(kind.keyProperty, kind.key("mine-batch"), kind.nameProperty, "Mine"));
    JsonArray ids = new JsonArray().add(new JsonObject().put("id", id));
    Answer read = kind.batch(otherPortal, "read", ids);
    assertEquals(207, read.status());
    assertEquals(0, read.json().getJsonArray("results").size());
    Answer update = kind.batch(otherPortal, "update", new JsonArray()
        .add(properties(Map.of(kind.nameProperty, "Theirs")).put("id", id)));
    assertEquals(207, update.status());
    assertEquals("OBJECT_NOT_FOUND", update.json().getJsonArray("errors").getJsonObject(0).getString("category"));
    assertEquals(204, kind.batch(otherPortal, "archive", ids).status());
    Answer upsert = kind.batch(otherPortal, "upsert", new JsonArray()
        .add(kind.upsert(kind.key("mine-batch"), Map.of(kind.nameProperty, "X"))));
    JsonObject created = upsert.json().getJsonArray("results").getJsonObject(0);
    assertTrue(created.getBoolean("new"), upsert.body());
    assertNotEquals(id, created.getString("id"));
    assertEquals("Mine", kind.get(client, id, "properties=" + kind.nameProperty).json()
        .getJsonObject("properties").getString(kind.nameProperty));
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void batchCreateAnswersEveryObjectWithItsTraceId(ObjectKind kind) {
    Answer answer = kind.batch(client, "create", new JsonArray()
        .add(properties(Map.of(kind.keyProperty, kind.key("one-batch"), kind.nameProperty, "One"))
            .put("objectWriteTraceId", "t-1"))
        .add(properties(Map.of(kind.nameProperty, "No key"))));
    assertEquals(201, answer.status(), answer.body());
    JsonObject json = answer.json();
    assertEquals("COMPLETE", json.getString("status"));
    assertTrue(json.containsKey("startedAt") && json.containsKey("completedAt"), answer.body());
    JsonObject first = json.getJsonArray("results").getJsonObject(0);
    assertEquals("t-1", first.getString("objectWriteTraceId"));
    assertEquals(kind.key("one-batch"), first.getJsonObject("properties").getString(kind.keyProperty));
    assertTrue(first.getJsonObject("properties").containsKey(kind.lastModifiedProperty), first.encode());
    String second = json.getJsonArray("results").getJsonObject(1).getString("id");
    assertEquals("No key", name(kind, second));
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void batchReadReportsMissingIdsIn207(ObjectKind kind) {
    String id = kind.create(client, Map.of(kind.keyProperty, kind.key("read-batch"), "city", "Lima"));
    Answer answer = client.send("POST", kind.path + "/batch/read", new JsonObject()
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

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void batchReadByTheKeyInAnyFormReportsMissingOnesIn207(ObjectKind kind) {
    String id = kind.create(client, Map.of(kind.keyProperty, kind.key("key-read-batch"), "city", "Quito"));
    Answer answer = client.send("POST", kind.path + "/batch/read", new JsonObject().put("idProperty", kind.keyProperty)
        .put("properties", new JsonArray().add("city"))
        .put("inputs", new JsonArray().add(new JsonObject().put("id", kind.otherFormInBody("key-read-batch")))
            .add(new JsonObject().put("id", kind.key("missing-batch")))));
    assertEquals(207, answer.status(), answer.body());
    JsonObject found = answer.json().getJsonArray("results").getJsonObject(0);
    assertEquals(id, found.getString("id"));
    assertEquals("Quito", found.getJsonObject("properties").getString("city"));
    JsonObject error = answer.json().getJsonArray("errors").getJsonObject(0);
    assertEquals("OBJECT_NOT_FOUND", error.getString("category"));
    assertTrue(error.getString("message").contains(kind.label.toUpperCase(Locale.ROOT)), error.getString("message"));
    assertEquals(List.of(kind.key("missing-batch")), error.getJsonObject("context").getJsonArray("ids").getList());
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void batchReadByTheKeyFindsEveryObjectWithoutErrors(ObjectKind kind) {
    kind.create(client, Map.of(kind.keyProperty, kind.key("a-read")));
    kind.create(client, Map.of(kind.keyProperty, kind.key("b-read")));
    Answer answer = client.send("POST", kind.path + "/batch/read", new JsonObject().put("idProperty", kind.keyProperty)
        .put("inputs", new JsonArray().add(new JsonObject().put("id", kind.key("a-read")))
            .add(new JsonObject().put("id", kind.otherFormInBody("b-read")))));
    assertEquals(200, answer.status(), answer.body());
    assertEquals(2, answer.json().getJsonArray("results").size());
    assertFalse(answer.json().containsKey("errors"));
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void batchUpdateWritesTheGoodInputsAndReportsTheOthers(ObjectKind kind) {
    String id = kind.create(client, Map.of(kind.keyProperty, kind.key("update-batch")));
    kind.create(client, Map.of(kind.keyProperty, kind.key("invalid-batch")));
    Answer twice = kind.batch(client, "update", new JsonArray()
        .add(properties(Map.of(kind.nameProperty, "Updated")).put("id", id))
        .add(properties(Map.of(kind.nameProperty, "Again")).put("id", id).put("idProperty", "hs_object_id")));
    assertEquals(400, twice.status(), "the same object twice, by id and by hs_object_id, is refused whole");
    Answer answer = kind.batch(client, "update", new JsonArray()
        .add(properties(Map.of(kind.nameProperty, "Updated")).put("id", id).put("objectWriteTraceId", "good"))
        .add(properties(Map.of(kind.nameProperty, "Ghost")).put("id", "999999").put("objectWriteTraceId", "missing"))
        .add(properties(Map.of(kind.numberProperty, "lots")).put("id", kind.key("invalid-batch"))
            .put("idProperty", kind.keyProperty).put("objectWriteTraceId", "invalid")));
    assertEquals(207, answer.status(), answer.body());
    JsonObject json = answer.json();
    assertEquals("good", json.getJsonArray("results").getJsonObject(0).getString("objectWriteTraceId"));
    JsonArray errors = json.getJsonArray("errors");
    assertEquals("OBJECT_NOT_FOUND", errors.getJsonObject(0).getString("category"));
    assertEquals("missing", errors.getJsonObject(0).getString("objectWriteTraceId"));
    assertEquals("VALIDATION_ERROR", errors.getJsonObject(1).getString("category"));
    assertEquals("invalid", errors.getJsonObject(1).getString("objectWriteTraceId"));
    assertEquals("Updated", name(kind, id));
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void batchUpsertCreatesOrUpdatesByTheKeyInAnyFormAndSaysWhich(ObjectKind kind) {
    String existing = kind.create(client, Map.of(kind.keyProperty, kind.key("upsert-old")));
    Answer answer = kind.batch(client, "upsert", new JsonArray()
        .add(kind.upsert(kind.otherFormInBody("upsert-old"), Map.of(kind.nameProperty, "Old")))
        .add(kind.upsert(kind.key("upsert-new"), Map.of(kind.nameProperty, "New"))));
    assertEquals(200, answer.status(), answer.body());
    JsonArray results = answer.json().getJsonArray("results");
    assertEquals(existing, results.getJsonObject(0).getString("id"));
    assertFalse(results.getJsonObject(0).getBoolean("new"));
    assertTrue(results.getJsonObject(1).getBoolean("new"));
    assertEquals(kind.key("upsert-new"), results.getJsonObject(1).getJsonObject("properties").getString(kind.keyProperty));
    assertEquals("Old", name(kind, existing));
  }

  private static String name(ObjectKind kind, String id) {
    return kind.get(client, id, "properties=" + kind.nameProperty).json().getJsonObject("properties")
        .getString(kind.nameProperty);
  }
}
