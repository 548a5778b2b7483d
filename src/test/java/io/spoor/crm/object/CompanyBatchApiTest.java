package io.spoor.crm.object;

import static io.spoor.crm.CompanyApi.batch;
import static io.spoor.crm.CompanyApi.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.crm.CompanyApi;
import io.spoor.crm.ContactApi;
import io.spoor.testkit.SpoorClient.Answer;
import io.spoor.testkit.SpoorPerClass;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The companies' own batch cases; those contacts and companies share are {@link ObjectBatchApiTest}'s. */
class CompanyBatchApiTest extends SpoorPerClass {

  @Test
  void batchCreateAnswersEveryCompanyWithItsTraceId() {
    Answer answer = batch(client, "create", new JsonArray()
        .add(input(Map.of("domain", "one.batch.example", "name", "One")).put("objectWriteTraceId", "t-1"))
        .add(input(Map.of("name", "No domain"))));
    assertEquals(201, answer.status(), answer.body());
    JsonObject json = answer.json();
    assertEquals("COMPLETE", json.getString("status"));
    JsonObject first = json.getJsonArray("results").getJsonObject(0);
    assertEquals("t-1", first.getString("objectWriteTraceId"));
    assertEquals("one.batch.example", first.getJsonObject("properties").getString("domain"));
    assertTrue(first.getJsonObject("properties").containsKey("hs_lastmodifieddate"), first.encode());
    String second = json.getJsonArray("results").getJsonObject(1).getString("id");
    assertEquals("No domain", CompanyApi.properties(client, second, "name").getString("name"));
  }

  @Test
  void batchReadByDomainReportsMissingOnesIn207() {
    String id = create(client, Map.of("domain", "read.batch.example", "city", "Quito"));
    Answer answer = client.send("POST", CompanyApi.PATH + "/batch/read", new JsonObject().put("idProperty", "domain")
        .put("properties", new JsonArray().add("city"))
        .put("inputs", new JsonArray().add(new JsonObject().put("id", "READ.batch.example"))
            .add(new JsonObject().put("id", "missing.batch.example"))));
    assertEquals(207, answer.status(), answer.body());
    JsonObject found = answer.json().getJsonArray("results").getJsonObject(0);
    assertEquals(id, found.getString("id"));
    assertEquals("Quito", found.getJsonObject("properties").getString("city"));
    JsonObject error = answer.json().getJsonArray("errors").getJsonObject(0);
    assertEquals("OBJECT_NOT_FOUND", error.getString("category"));
    assertTrue(error.getString("message").contains("COMPANY"), error.getString("message"));
    assertEquals(List.of("missing.batch.example"), error.getJsonObject("context").getJsonArray("ids").getList());
  }

  @Test
  void batchUpdateWritesTheGoodInputsAndReportsTheOthers() {
    String id = create(client, Map.of("domain", "update.batch.example"));
    create(client, Map.of("domain", "invalid.batch.example"));
    Answer answer = batch(client, "update", new JsonArray()
        .add(input(Map.of("name", "Updated")).put("id", id).put("objectWriteTraceId", "good"))
        .add(input(Map.of("name", "Ghost")).put("id", "999999").put("objectWriteTraceId", "missing"))
        .add(input(Map.of("numberofemployees", "lots")).put("id", "invalid.batch.example")
            .put("idProperty", "domain").put("objectWriteTraceId", "invalid")));
    assertEquals(207, answer.status(), answer.body());
    JsonObject json = answer.json();
    assertEquals("good", json.getJsonArray("results").getJsonObject(0).getString("objectWriteTraceId"));
    JsonArray errors = json.getJsonArray("errors");
    assertEquals("OBJECT_NOT_FOUND", errors.getJsonObject(0).getString("category"));
    assertEquals("missing", errors.getJsonObject(0).getString("objectWriteTraceId"));
    assertEquals("VALIDATION_ERROR", errors.getJsonObject(1).getString("category"));
    assertEquals("invalid", errors.getJsonObject(1).getString("objectWriteTraceId"));
    assertEquals("Updated", CompanyApi.properties(client, id, "name").getString("name"));
  }

  @Test
  void batchUpsertCreatesOrUpdatesByDomainAndSaysWhich() {
    String existing = create(client, Map.of("domain", "upsert-old.example"));
    Answer answer = batch(client, "upsert", new JsonArray()
        .add(upsert("https://www.Upsert-Old.example", Map.of("name", "Old")))
        .add(upsert("upsert-new.example", Map.of("name", "New")))
        .add(upsert("not a domain", Map.of()).put("objectWriteTraceId", "bad")));
    assertEquals(207, answer.status(), answer.body());
    JsonArray results = answer.json().getJsonArray("results");
    assertEquals(existing, results.getJsonObject(0).getString("id"));
    assertFalse(results.getJsonObject(0).getBoolean("new"));
    assertTrue(results.getJsonObject(1).getBoolean("new"));
    assertEquals("upsert-new.example", results.getJsonObject(1).getJsonObject("properties").getString("domain"));
    assertEquals("bad", answer.json().getJsonArray("errors").getJsonObject(0).getString("objectWriteTraceId"));
    assertEquals("Old", CompanyApi.properties(client, existing, "name").getString("name"));
  }

  private static JsonObject input(Map<String, String> properties) {
    return ContactApi.properties(properties);
  }

  private static JsonObject upsert(String domain, Map<String, String> properties) {
    return input(properties).put("idProperty", "domain").put("id", domain);
  }
}
