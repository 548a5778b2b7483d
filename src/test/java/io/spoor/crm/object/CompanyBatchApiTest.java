package io.spoor.crm.object;

import static io.spoor.crm.CompanyApi.batch;
import static io.spoor.crm.CompanyApi.create;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.crm.CompanyApi;
import io.spoor.crm.ContactApi;
import io.spoor.testkit.SpoorClient.Answer;
import io.spoor.testkit.SpoorPerClass;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The companies' own batch cases; those contacts and companies share are {@link ObjectBatchApiTest}'s. */
class CompanyBatchApiTest extends SpoorPerClass {
  @Test
  void batchUpsertFindsADomainGivenAsAUrlAndReportsABadOneIn207() {
    String existing = create(client, Map.of("domain", "upsert-url.example"));
    Answer answer = batch(client, "upsert", new JsonArray()
        .add(upsert("https://www.Upsert-Url.example", Map.of("name", "Old")))
        .add(upsert("not a domain", Map.of()).put("objectWriteTraceId", "bad")));
    assertEquals(207, answer.status(), answer.body());
    assertEquals(existing, answer.json().getJsonArray("results").getJsonObject(0).getString("id"));
    assertEquals("bad", answer.json().getJsonArray("errors").getJsonObject(0).getString("objectWriteTraceId"));
    assertEquals("Old", CompanyApi.properties(client, existing, "name").getString("name"));
  }

  private static JsonObject upsert(String domain, Map<String, String> properties) {
    return ContactApi.properties(properties).put("idProperty", "domain").put("id", domain);
  }
}
