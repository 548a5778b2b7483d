package io.spoor.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.http.Scope;
import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorPerClass;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/forwarding}: the target, its masked token, its validation and the dead-letter routes. */
class ForwardingApiTest extends SpoorPerClass {
  private static final String SECRET = "pat-na1-11111111-2222-3333-4444-555555555555";
  /** A port nothing listens on: calls queued for it stay queued. */
  private static final String NOWHERE = "http://127.0.0.1:9";

  @AfterEach
  void noTarget() {
    client.delete("/api/v1/forwarding");
  }

  private static JsonObject target() {
    return new JsonObject().put("baseUrl", NOWHERE).put("accessToken", SECRET).put("hubId", 77);
  }

  @Test
  void aTargetIsKeptWithDefaultLimitsAndItsTokenIsNeverShownAgain() {
    SpoorClient.Answer put = client.send("PUT", "/api/v1/forwarding", target());
    SpoorClient.Answer got = client.get("/api/v1/forwarding");

    assertEquals(200, put.status(), put.body());
    assertEquals(200, got.status(), got.body());
    JsonObject body = got.json();
    assertEquals("****5555", body.getString("accessToken"));
    assertEquals(10, body.getInteger("secondly"));
    assertEquals(40_000, body.getLong("daily"));
    assertEquals("https://track.hubspot.com", body.getString("trackingUrl"));
    assertEquals(77, body.getLong("hubId"));
    assertFalse(body.getBoolean("forwardTracking"));
    assertEquals(new JsonObject().put("queued", 0).put("inFlight", 0).put("delivered", 0).put("retried", 0)
        .put("dead", 0), body.getJsonObject("status"));
    assertFalse(put.body().contains(SECRET) || got.body().contains(SECRET));
    assertFalse(client.get("/metrics").body().contains(SECRET));
  }

  @Test
  void aBadTargetIsRefusedNamingEveryBadField() {
    SpoorClient.Answer answer = client.send("PUT", "/api/v1/forwarding", new JsonObject()
        .put("baseUrl", "ftp://example.com").put("secondly", 0).put("daily", 1.5).put("forwardTracking", "yes")
        .put("colour", "red"));

    assertEquals(400, answer.status());
    assertEquals("VALIDATION_ERROR", answer.json().getString("category"));
    for (String field : List.of("baseUrl", "accessToken", "hubId", "secondly", "daily", "forwardTracking", "colour")) {
      assertTrue(answer.json().getString("message").contains(field + ":"), field + " in " + answer.body());
    }
    assertEquals(404, client.get("/api/v1/forwarding").status());
  }

  @Test
  void aDeletedTargetIsGoneWithItsQueue() {
    client.send("PUT", "/api/v1/forwarding", target().put("forwardTracking", true));
    server.spoor().outbox().add(1, Outbox.Origin.SEGMENT, new ForwardCall.UpsertContact("a@example.com", java.util.Map.of()));

    assertEquals(204, client.delete("/api/v1/forwarding").status());
    assertEquals(404, client.get("/api/v1/forwarding").status());
    assertEquals(404, client.delete("/api/v1/forwarding").status());
    JsonObject status = client.send("PUT", "/api/v1/forwarding", target()).json().getJsonObject("status");
    assertEquals(0, status.getLong("queued"));
    assertFalse(status.containsKey("pausedUntil"), status.encode());
  }

  @Test
  void callsForAPortalWithoutATargetAreNotQueued() {
    server.spoor().outbox().add(1, Outbox.Origin.SEGMENT, new ForwardCall.UpsertContact("b@example.com", java.util.Map.of()));
    client.send("PUT", "/api/v1/forwarding", target());

    assertEquals(0, client.get("/api/v1/forwarding").json().getJsonObject("status").getLong("queued"));
  }

  @Test
  void deadLetterRoutesNameWhatIsWrong() {
    client.send("PUT", "/api/v1/forwarding", target());

    assertEquals(0, client.get("/api/v1/forwarding/dead-letters").json().getJsonArray("results").size());
    assertEquals(400, client.get("/api/v1/forwarding/dead-letters?limit=0").status());
    assertEquals(400, client.send("POST", "/api/v1/forwarding/dead-letters/abc/retry", new JsonObject()).status());
    assertEquals(404, client.send("POST", "/api/v1/forwarding/dead-letters/12345/retry", new JsonObject()).status());
    assertEquals(404, client.delete("/api/v1/forwarding/dead-letters/12345").status());
  }

  @Test
  void forwardingNeedsTheAdminScope() {
    SpoorClient contactsOnly = server.scoped(Set.of(Scope.CONTACTS_READ));

    assertEquals(403, contactsOnly.get("/api/v1/forwarding").status());
    assertEquals(403, contactsOnly.send("PUT", "/api/v1/forwarding", target()).status());
    assertEquals(403, contactsOnly.get("/api/v1/forwarding/dead-letters").status());
  }

  /** Every call the target was given, once: {@code queued} holds those in flight too. */
  private long calls() {
    JsonObject status = client.get("/api/v1/forwarding").json().getJsonObject("status");
    return status.getLong("queued") + status.getLong("delivered") + status.getLong("dead");
  }

  private void eventHit(String email) {
    client.event("_a=1&_n=signed_up&email=" + email);
    server.spoor().awaitApplied().join();
  }

  @Test
  void hitsAreQueuedByTheTargetAsItIsNowNotAsItWasWhenTheLastHitCame() {
    client.send("PATCH", "/api/v1/portal", new JsonObject().put("customEventsEnabled", true));
    eventHit("before@example.com");
    assertEquals(200, client.send("PUT", "/api/v1/forwarding", target().put("forwardTracking", true)).status());
    eventHit("first@example.com");
    assertEquals(1, calls(), "a hit after the target was set is queued");

    assertEquals(204, client.delete("/api/v1/forwarding").status());
    eventHit("between@example.com");
    assertEquals(200, client.send("PUT", "/api/v1/forwarding", target().put("forwardTracking", true)).status());
    assertEquals(0, calls(), "no hit was queued while there was no target");
    eventHit("second@example.com");
    assertEquals(1, calls());
  }
}
