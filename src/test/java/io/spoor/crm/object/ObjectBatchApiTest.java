package io.spoor.crm.object;

import static io.spoor.crm.ContactApi.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorClient.Answer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The batch calls as contacts and companies take them alike: all-or-nothing creates, one input
 * per object, the size limit, archive, and portals kept apart. What only one type does is in
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
}
