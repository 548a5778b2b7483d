package io.spoor.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.http.Scope;
import io.spoor.testkit.Polling;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Segment calls taken by one Spoor reach a second Spoor, playing the remote HubSpot, over real
 * HTTP: mapped as the HubSpot destination maps them, each once.
 */
class SegmentForwardingTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private RunningSpoor remote;
  private RunningSpoor local;

  @BeforeEach
  void start() {
    remote = RunningSpoor.start();
    remote.client().send("PATCH", "/api/v1/portal", new JsonObject().put("customEventsEnabled", true));
    local = RunningSpoor.start();
    local.client().send("PATCH", "/api/v1/portal", new JsonObject().put("customEventsEnabled", true));
  }

  @AfterEach
  void stop() {
    local.close();
    remote.close();
  }

  private void forwardTo(boolean forwardTracking) {
    String token = remote.spoor().portals().issueToken(RunningSpoor.HUB_ID, "forwarding", Scope.all()).value();
    SpoorClient.Answer put = local.client().send("PUT", "/api/v1/forwarding", new JsonObject()
        .put("baseUrl", remote.client().base()).put("trackingUrl", remote.client().base())
        .put("accessToken", token).put("hubId", RunningSpoor.HUB_ID).put("secondly", 50)
        .put("forwardTracking", forwardTracking));
    assertEquals(200, put.status(), put.body());
  }

  private JsonObject settled() {
    return Polling.until("the outbox to empty", WAIT,
        () -> local.client().get("/api/v1/forwarding").json().getJsonObject("status"),
        s -> s.getLong("queued") == 0 && s.getLong("inFlight") == 0 && s.getLong("delivered") > 0);
  }

  @Test
  void anIdentifyAndATrackArriveAtTheRemoteAsAContactUpsertAndOneEventEvenWhenTrackingHitsAreForwardedToo() {
    forwardTo(true);
    SegmentCalls calls = new SegmentCalls(local, local.client());
    String key = calls.newWriteKey();
    JsonObject batch = new JsonObject().put("batch", new JsonArray()
        .add(new JsonObject().put("type", "identify").put("userId", "u-1").put("messageId", "m-1")
            .put("traits", new JsonObject().put("email", "ada@example.com").put("firstName", " Ada ")
                .put("Favorite Color", "teal")))
        .add(new JsonObject().put("type", "track").put("userId", "u-1").put("messageId", "m-2")
            .put("event", "Signed Up").put("properties", new JsonObject().put("revenue", 12.5))));

    assertEquals(200, calls.post("/v1/batch", key, batch).status());
    local.spoor().awaitApplied().join();
    JsonObject status = settled();

    JsonObject contact = remote.client().get("/crm/v3/objects/contacts/ada@example.com?idProperty=email"
        + "&properties=firstname,hs_analytics_revenue,hs_analytics_num_event_completions").json()
        .getJsonObject("properties");
    assertEquals("Ada", contact.getString("firstname"));
    assertEquals("1", contact.getString("hs_analytics_num_event_completions"), contact.encode());
    assertEquals(2, status.getLong("delivered"), status.encode());
  }
}
