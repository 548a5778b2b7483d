package io.spoor.forward;

import io.spoor.testkit.Polling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.portal.RateLimits;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The remote's limits and failures: retries after 503 and 429, the pace, the daily limit, dead letters. */
class ForwardingLimitsAndRetriesTest extends ForwardingFixture {
  @Test
  void aRemoteAnswering503IsRetriedUntilItTakesTheCall() {
    AtomicInteger failures = new AtomicInteger(2);
    proxy.failWith(s -> failures.getAndDecrement() > 0 ? Optional.of(503) : Optional.empty());
    local();
    add(upsert("di@example.com", "firstname", "Di"));
    JsonObject status = settled();

    assertEquals("Di", remoteContact("di@example.com", "firstname").orElseThrow().getString("firstname"));
    assertEquals(2, status.getLong("retried"));
    assertEquals(1, status.getLong("delivered"));
    assertEquals(List.of(503, 503, 404, 201), proxy.seen().stream().map(RecordingProxy.Seen::status).toList());
    String metrics = local.client().get("/metrics").body();
    assertTrue(metrics.contains("spoor_forward_calls_total{outcome=\"retried\"} 2"), metrics);
    assertTrue(metrics.contains("spoor_forward_calls_total{outcome=\"delivered\"} 1"), metrics);
    assertTrue(metrics.contains("spoor_forward_queued 0"), metrics);
  }

  @Test
  void theRemotesOwn429sAreRetriedAfterThePauseItAsks() {
    remote.spoor().portals().setLimits(RunningSpoor.HUB_ID, new RateLimits(2, 0));
    proxy.stripRateLimitHeaders();
    local();
    for (int i = 1; i <= 3; i++) {
      add(upsert("ed@example.com", "firstname", "v" + i));
    }
    // without the rate-limit headers, each 429 pauses the target for HubSpot's ten seconds
    JsonObject status = Polling.until("the outbox to empty", Duration.ofSeconds(60), this::status,
        s -> s.getLong("queued") == 0 && s.getLong("inFlight") == 0);

    assertEquals("v3", remoteContact("ed@example.com", "firstname").orElseThrow().getString("firstname"));
    assertEquals(3, status.getLong("delivered"));
    assertTrue(status.getLong("retried") >= 1, status.encode());
    assertTrue(proxy.seen().stream().anyMatch(s -> s.status() == 429), proxy.seen().toString());
  }

  @Test
  void theRateMeasuredAtTheRemoteNeverExceedsTheTargetsLimit() {
    local(Map.of(), new JsonObject().put("secondly", 4));
    for (int i = 1; i <= 16; i++) {
      add(upsert("fay@example.com", "firstname", "v" + i));
    }
    settled();

    List<Long> arrivals = proxy.seen().stream().map(RecordingProxy.Seen::arrivedAtNanos).sorted().toList();
    assertEquals(17, arrivals.size());
    for (int i = 0; i + 4 < arrivals.size(); i++) {
      long windowMillis = (arrivals.get(i + 4) - arrivals.get(i)) / 1_000_000;
      assertTrue(windowMillis >= 1_000, "requests " + i + " to " + (i + 4) + " arrived within " + windowMillis + " ms");
    }
  }

  @Test
  void aPermanentlyFailingCallEndsInTheDeadLettersAndReplays() {
    SpoorClient client = local();
    add(upsert("gus@example.com", "favorite_color", "teal"));
    JsonObject status = settled();
    assertEquals(1, status.getLong("dead"));
    JsonArray dead = client.get("/api/v1/forwarding/dead-letters").json().getJsonArray("results");
    JsonObject letter = dead.getJsonObject(0);
    assertEquals("UpsertContact", letter.getString("kind"));
    assertTrue(letter.getString("lastError").startsWith("400"), letter.encode());

    SpoorClient.Answer defined = remote.client().send("POST", "/crm/v3/properties/contacts", new JsonObject()
        .put("name", "favorite_color").put("label", "Favourite colour").put("type", "string")
        .put("fieldType", "text").put("groupName", "contactinformation"));
    assertEquals(201, defined.status(), defined.body());
    assertEquals(204, client.send("POST", "/api/v1/forwarding/dead-letters/" + letter.getString("id") + "/retry",
        new JsonObject()).status());
    status = settled();

    assertEquals("teal", remoteContact("gus@example.com", "favorite_color").orElseThrow()
        .getString("favorite_color"));
    assertEquals(0, status.getLong("dead"));
    assertTrue(client.get("/api/v1/forwarding/dead-letters").json().getJsonArray("results").isEmpty());
  }

  @Test
  void aCallStillFailingAfterTheLastTryIsADeadLetter() {
    proxy.failWith(s -> Optional.of(503));
    local(Map.of("forward-retry-minutes", "0"), new JsonObject());
    add(upsert("hal@example.com", "firstname", "Hal"));
    JsonObject status = Polling.until("the call to die", WAIT, this::status, s -> s.getLong("dead") == 1);

    assertEquals(0, status.getLong("queued"));
    assertEquals(503, status.getJsonObject("lastAnswer").getInteger("status"));
    assertEquals(1, proxy.seen().size());
    String letters = local.client().get("/api/v1/forwarding/dead-letters").body();
    assertTrue(letters.contains("injected by the test for Bearer [redacted]"), letters);
    assertFalse(status.encode().contains(remoteToken) || letters.contains(remoteToken), letters);
  }

  @Test
  void theRemotesDailyLimitSpentParksTheTargetUntilTheNextUtcMidnight() {
    remote.spoor().portals().setLimits(RunningSpoor.HUB_ID, new RateLimits(0, 2));
    local();
    add(upsert("sam@example.com", "firstname", "Sam"));
    add(upsert("sam@example.com", "lastname", "Vimes"));
    JsonObject status = Polling.until("the first call to be delivered", WAIT, this::status,
        s -> s.getLong("delivered") == 1);

    assertEquals(1, status.getLong("queued"));
    assertEquals(Instant.now().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS).toString(),
        status.getString("pausedUntil"));
    assertEquals(List.of("PATCH 404", "POST 201"), proxy.seen().stream().map(s -> s.method() + " " + s.status()).toList());
  }

  @Test
  void theRemotesRateLimitHeadersPaceDeliveryBelowItsLimitWithoutA429() {
    remote.spoor().portals().setLimits(RunningSpoor.HUB_ID, new RateLimits(3, 0));
    local();
    for (int i = 1; i <= 8; i++) {
      add(upsert("wes@example.com", "firstname", "v" + i));
    }
    JsonObject status = settled();

    assertEquals(8, status.getLong("delivered"));
    assertEquals(0, status.getLong("retried"));
    assertEquals(9, proxy.seen().stream().filter(s -> s.status() / 100 == 2 || s.status() == 404).count(),
        proxy.seen().toString());
  }
}
