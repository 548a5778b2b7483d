package io.spoor.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.http.Scope;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorClient.Answer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HubSpot's custom behavioural events API: definitions and sending, on a real server. */
class BehavioralEventsApiTest {
  private static RunningSpoor server;
  private static SpoorClient client;

  @BeforeAll
  static void start() {
    server = RunningSpoor.start();
    client = server.client();
    Answer created = client.send("POST", "/events/v3/event-definitions", new JsonObject()
        .put("label", "Quote requested").put("name", "quote_requested").put("primaryObject", "CONTACT")
        .put("propertyDefinitions", new JsonArray().add(new JsonObject().put("name", "plan")
            .put("label", "Plan").put("type", "string"))));
    assertEquals(201, created.status(), created.body());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aDefinitionHasItsFullyQualifiedNameAndIsUniqueReadableAndDeletable() {
    JsonObject defined = client.get("/events/v3/event-definitions/quote_requested").json();
    assertEquals("pe1_quote_requested", defined.getString("fullyQualifiedName"));
    assertEquals("plan", defined.getJsonArray("propertyDefinitions").getJsonObject(0).getString("name"));
    assertEquals(200, client.get("/events/v3/event-definitions/pe1_quote_requested").status());
    assertEquals(409, client.send("POST", "/events/v3/event-definitions",
        new JsonObject().put("label", "Quote requested").put("name", "quote_requested")).status());
    assertEquals(201, client.send("POST", "/events/v3/event-definitions",
        new JsonObject().put("label", "Short lived")).status());
    assertEquals(204, client.delete("/events/v3/event-definitions/short_lived").status());
    assertEquals(404, client.get("/events/v3/event-definitions/short_lived").status());
    assertTrue(client.get("/events/v3/event-definitions").body().contains("pe1_quote_requested"));
  }

  @Test
  void aPatchChangesLabelDescriptionAndAddsProperties() {
    assertEquals(201, client.send("POST", "/events/v3/event-definitions", new JsonObject().put("label", "Trial started")
        .put("name", "trial_started").put("propertyDefinitions", new JsonArray().add(new JsonObject()
            .put("name", "plan").put("label", "Plan").put("type", "string")))).status());
    Answer patched = client.send("PATCH", "/events/v3/event-definitions/trial_started", new JsonObject()
        .put("label", "Trial begun").put("description", "A trial was started")
        .put("propertyDefinitions", new JsonArray()
            .add(new JsonObject().put("name", "plan").put("label", "Plan name").put("type", "string"))
            .add(new JsonObject().put("name", "seats").put("label", "Seats").put("type", "number"))));
    assertEquals(200, patched.status(), patched.body());
    JsonObject read = client.get("/events/v3/event-definitions/trial_started").json();
    assertEquals("Trial begun", read.getString("label"));
    assertEquals("A trial was started", read.getString("description"));
    JsonArray properties = read.getJsonArray("propertyDefinitions");
    assertEquals("Plan name", properties.getJsonObject(0).getString("label"));
    assertEquals("number", properties.getJsonObject(1).getString("type"));
    Answer relabelled = client.send("PATCH", "/events/v3/event-definitions/pe1_trial_started",
        new JsonObject().put("label", "Trial opened"));
    assertEquals(200, relabelled.status(), relabelled.body());
    assertEquals(2, relabelled.json().getJsonArray("propertyDefinitions").size());
  }

  @Test
  void aPatchCannotRemoveOrRetypePropertiesNorChangeAnUnknownDefinition() {
    assertEquals(201, client.send("POST", "/events/v3/event-definitions", new JsonObject().put("label", "Demo booked")
        .put("name", "demo_booked").put("propertyDefinitions", new JsonArray().add(new JsonObject()
            .put("name", "slot").put("label", "Slot").put("type", "datetime")))).status());
    Answer removed = client.send("PATCH", "/events/v3/event-definitions/demo_booked", new JsonObject()
        .put("propertyDefinitions", new JsonArray().add(new JsonObject().put("name", "room").put("type", "string"))));
    assertEquals(400, removed.status(), removed.body());
    assertTrue(removed.body().contains("slot cannot be removed"), removed.body());
    Answer retyped = client.send("PATCH", "/events/v3/event-definitions/demo_booked", new JsonObject()
        .put("propertyDefinitions", new JsonArray().add(new JsonObject().put("name", "slot").put("type", "string"))));
    assertEquals(400, retyped.status(), retyped.body());
    assertEquals("datetime", client.get("/events/v3/event-definitions/demo_booked").json()
        .getJsonArray("propertyDefinitions").getJsonObject(0).getString("type"));
    assertEquals(404, client.send("PATCH", "/events/v3/event-definitions/never_defined",
        new JsonObject().put("label", "Nothing")).status());
  }

  @Test
  void aSentEventCountsForTheContactWithItsDeclaredPropertiesAndTime() {
    Answer sent = client.send("POST", "/events/v3/send", new JsonObject().put("eventName", "pe1_quote_requested")
        .put("email", "buyer@example.com").put("occurredAt", "2026-01-02T03:04:05Z")
        .put("properties", new JsonObject().put("plan", "pro").put("colour", "red")));
    assertEquals(204, sent.status(), sent.body());
    server.awaitApplied();
    JsonObject event = timeline("buyer@example.com").getJsonObject(0);
    assertEquals("pe1_quote_requested", event.getString("eventName"));
    assertEquals("2026-01-02T03:04:05Z", event.getString("occurredAt"));
    assertEquals(new JsonObject().put("plan", "pro"), event.getJsonObject("properties"));
    assertTrue(client.get("/api/v1/rejections").body().contains("declares no property colour"));
  }

  @Test
  void theSameUuidIsCountedOnceAndABatchCountsEach() {
    JsonObject event = new JsonObject().put("eventName", "quote_requested").put("email", "twice@example.com")
        .put("uuid", "8c5c7d0e-3a43-4a59-9d2c-1f1b4e2e9a10");
    assertEquals(204, client.send("POST", "/events/v3/send", event).status());
    assertEquals(204, client.send("POST", "/events/v3/send", event).status());
    JsonArray inputs = new JsonArray().add(new JsonObject().put("eventName", "quote_requested")
        .put("email", "twice@example.com")).add(new JsonObject().put("eventName", "quote_requested")
        .put("email", "twice@example.com"));
    assertEquals(204, client.send("POST", "/events/v3/send/batch", new JsonObject().put("inputs", inputs)).status());
    server.awaitApplied();
    assertEquals(3, timeline("twice@example.com").size());
  }

  @Test
  void aUuidSentFirstWithAnotherEventDoesNotSuppressTheRealOne() {
    String uuid = "0b7d7c1e-5f7e-4c55-8f43-2a0d9d1c0001";
    assertEquals(204, client.send("POST", "/events/v3/send", new JsonObject().put("eventName", "quote_requested")
        .put("email", "squatter@example.com").put("uuid", uuid)).status());
    JsonObject real = new JsonObject().put("eventName", "quote_requested").put("email", "real-buyer@example.com")
        .put("uuid", uuid).put("properties", new JsonObject().put("plan", "pro"));
    assertEquals(204, client.send("POST", "/events/v3/send", real).status());
    assertEquals(204, client.send("POST", "/events/v3/send", real).status());
    server.awaitApplied();
    assertEquals(1, timeline("real-buyer@example.com").size());
    assertEquals(1, timeline("squatter@example.com").size());
  }

  @Test
  void badSendsAreRefusedWithTheReason() {
    Answer noone = client.send("POST", "/events/v3/send", new JsonObject().put("eventName", "quote_requested"));
    assertEquals(400, noone.status());
    assertTrue(noone.json().getString("message").contains("utk, email or objectId"));
    assertEquals(404, client.send("POST", "/events/v3/send", new JsonObject().put("eventName", "never_defined")
        .put("email", "x@example.com")).status());
    assertEquals(400, client.send("POST", "/events/v3/send", new JsonObject().put("eventName", "quote_requested")
        .put("email", "x@example.com").put("occurredAt", "yesterday")).status());
    String narrow = server.spoor().portals().issueToken(1, "narrow", EnumSet.of(Scope.CONTACTS_READ)).value();
    assertEquals(403, client.withToken(narrow).send("POST", "/events/v3/send", new JsonObject()
        .put("eventName", "quote_requested").put("email", "x@example.com")).status());
  }

  @Test
  void anUnknownContactIdIsKeptAsARejection() {
    assertEquals(204, client.send("POST", "/events/v3/send", new JsonObject().put("eventName", "quote_requested")
        .put("objectId", "987654321")).status());
    server.awaitApplied();
    assertTrue(client.get("/api/v1/rejections").body().contains("UNKNOWN_CONTACT"));
  }

  private static JsonArray timeline(String email) {
    return client.get("/api/v1/contacts/" + URLEncoder.encode(email, StandardCharsets.UTF_8)
        + "/timeline?idProperty=email").json().getJsonArray("results");
  }
}
