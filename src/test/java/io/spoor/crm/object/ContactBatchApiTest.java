package io.spoor.crm.object;

import static io.spoor.crm.ContactApi.batch;
import static io.spoor.crm.ContactApi.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.crm.ContactApi;
import io.spoor.testkit.SpoorClient.Answer;
import io.spoor.testkit.SpoorPerClass;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contacts' own batch cases; those contacts and companies share are {@link ObjectBatchApiTest}'s. */
class ContactBatchApiTest extends SpoorPerClass {

  @Test
  void batchCreateWithABadValueCreatesNothing() {
    Answer answer = batch(client, "create", new JsonArray().add(input(Map.of("email", "good@batch.example")))
        .add(input(Map.of("email", "bad@batch.example", "nope", "x"))));
    assertEquals(400, answer.status());
    assertTrue(answer.json().getString("message").contains("PROPERTY_DOESNT_EXIST"), answer.body());
    assertEquals(404, get(client, "good@batch.example", "idProperty=email").status());
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
