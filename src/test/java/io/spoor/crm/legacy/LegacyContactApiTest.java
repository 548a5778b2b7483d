package io.spoor.crm.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient.Answer;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The legacy v1 contact calls: create-or-update by email and the batch form. */
class LegacyContactApiTest {
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

  private static JsonObject properties(String... pairs) {
    JsonArray list = new JsonArray();
    for (int i = 0; i < pairs.length; i += 2) {
      list.add(new JsonObject().put("property", pairs[i]).put("value", pairs[i + 1]));
    }
    return new JsonObject().put("properties", list);
  }

  @Test
  void createOrUpdateAnswersTheVidAndWhetherItIsNew() {
    Answer first = client.send("POST", "/contacts/v1/contact/createOrUpdate/email/old%40example.com",
        properties("firstname", "Old"));
    assertEquals(200, first.status(), first.body());
    assertTrue(first.json().getBoolean("isNew"));
    Answer second = client.send("POST", "/contacts/v1/contact/createOrUpdate/email/old%40example.com",
        properties("firstname", "Older"));
    assertFalse(second.json().getBoolean("isNew"));
    assertEquals(first.json().getLong("vid"), second.json().getLong("vid"));
    assertEquals("Older", client.get("/crm/v3/objects/contacts/" + second.json().getLong("vid")
        + "?properties=firstname").json().getJsonObject("properties").getString("firstname"));
  }

  @Test
  void theBatchFormCreatesAndUpdatesEveryContact() {
    JsonArray batch = new JsonArray()
        .add(properties("firstname", "One").put("email", "one@example.com"))
        .add(properties("firstname", "Two").put("email", "two@example.com"));
    assertEquals(202, client.sendRaw("POST", "/contacts/v1/contact/batch/", "application/json", batch.encode()).status());
    assertEquals("Two", client.get("/crm/v3/objects/contacts/two%40example.com?idProperty=email&properties=firstname")
        .json().getJsonObject("properties").getString("firstname"));
  }

  @Test
  void badLegacyCallsAreRefusedWithTheReason() {
    assertEquals(400, client.send("POST", "/contacts/v1/contact/createOrUpdate/email/not-an-email",
        properties("firstname", "X")).status());
    assertEquals(400, client.send("POST", "/contacts/v1/contact/createOrUpdate/email/x%40example.com",
        properties("no_such_property", "X")).status());
    assertEquals(400, client.sendRaw("POST", "/contacts/v1/contact/batch/", "application/json",
        "[{\"properties\":[]}]").status());
    assertEquals(400, client.sendRaw("POST", "/contacts/v1/contact/batch/", "application/json", "{\"a\":1}").status());
    assertEquals(400, client.sendRaw("POST", "/contacts/v1/contact/batch", "application/json", "[1,").status());
    assertEquals(415, client.sendRaw("POST", "/contacts/v1/contact/batch/", "text/plain", "[]").status());
  }
}
