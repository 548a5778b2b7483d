package io.spoor.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The custom-events switch: HubSpot's plan gate, set through PATCH /api/v1/portal. */
class PortalSettingsTest {
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
  void aPortalWithCustomEventsDisabledRejectsEvents() {
    assertEquals(true, client.get("/api/v1/portal").json().getBoolean("customEventsEnabled"));
    var patched = client.send("PATCH", "/api/v1/portal", new JsonObject().put("customEventsEnabled", false));
    assertEquals(200, patched.status(), patched.body());
    assertFalse(patched.json().getBoolean("customEventsEnabled"));
    client.event("_a=1&_n=gated&email=gated@example.com");
    assertEquals(404, client.get("/crm/v3/objects/contacts/gated@example.com?idProperty=email").status());
    assertEquals("CUSTOM_EVENTS_DISABLED", client.get("/api/v1/rejections").json()
        .getJsonArray("results").getJsonObject(0).getString("reason"));

    client.send("PATCH", "/api/v1/portal", new JsonObject().put("customEventsEnabled", true));
    client.event("_a=1&_n=gated&email=gated@example.com");
    assertEquals(200, client.get("/crm/v3/objects/contacts/gated@example.com?idProperty=email").status());
  }

  @Test
  void aPatchWithUnknownFieldsIsRefused() {
    var answer = client.send("PATCH", "/api/v1/portal", new JsonObject().put("plan", "enterprise"));
    assertEquals(400, answer.status());
    assertEquals("VALIDATION_ERROR", answer.json().getString("category"));
  }
}
