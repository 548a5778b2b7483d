package io.spoor.forward;

import io.spoor.testkit.Polling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.http.Scope;
import io.spoor.testkit.PostgresServer;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A second Spoor as the remote HubSpot, over real HTTP, behind a recording proxy that can play
 * a failing remote, and a forwarding Spoor in front of it: what the forwarding tests share.
 */
abstract class ForwardingFixture {
  static final Duration WAIT = Duration.ofSeconds(30);
  RunningSpoor remote;
  RecordingProxy proxy;
  RunningSpoor local;
  /** The token forwarding uses: the test's own reads at the remote are counted apart. */
  String remoteToken;

  @BeforeEach
  void remote() throws IOException {
    remote = RunningSpoor.start();
    remote.client().send("PATCH", "/api/v1/portal", new JsonObject().put("customEventsEnabled", true));
    proxy = new RecordingProxy(remote.client().base());
    remoteToken = remote.spoor().portals().issueToken(RunningSpoor.HUB_ID, "forwarding", Scope.all()).value();
  }

  @AfterEach
  void stop() {
    if (local != null) {
      local.close();
    }
    proxy.close();
    remote.close();
  }

  SpoorClient local(Map<String, String> flags, JsonObject target) {
    local = RunningSpoor.start(flags);
    local.client().send("PATCH", "/api/v1/portal", new JsonObject().put("customEventsEnabled", true));
    JsonObject body = new JsonObject().put("baseUrl", proxy.url()).put("trackingUrl", proxy.url())
        .put("accessToken", remoteToken).put("hubId", RunningSpoor.HUB_ID).mergeIn(target);
    SpoorClient.Answer put = local.client().send("PUT", "/api/v1/forwarding", body);
    assertEquals(200, put.status(), put.body());
    return local.client();
  }

  SpoorClient local() {
    return local(Map.of("forward-first-backoff-ms", "50"), new JsonObject().put("secondly", 50));
  }

  void add(ForwardCall call) {
    local.spoor().outbox().add(RunningSpoor.HUB_ID, Outbox.Origin.SEGMENT, call);
  }

  JsonObject status() {
    return local.client().get("/api/v1/forwarding").json().getJsonObject("status");
  }

  JsonObject settled() {
    return Polling.until("the outbox to empty", WAIT, this::status,
        s -> s.getLong("queued") == 0 && s.getLong("inFlight") == 0);
  }

  Optional<JsonObject> remoteContact(String email, String properties) {
    // a forwarded tracking hit is applied at the remote after it answered
    remote.awaitApplied();
    SpoorClient.Answer answer = remote.client().get("/crm/v3/objects/contacts/" + email
        + "?idProperty=email&properties=" + properties);
    return answer.status() == 200 ? Optional.of(answer.json().getJsonObject("properties")) : Optional.empty();
  }

  static ForwardCall.UpsertContact upsert(String email, String name, String value) {
    return new ForwardCall.UpsertContact(email, Map.of(name, value));
  }

  void queueWhileTheFirstIsInFlight(ForwardCall first, List<ForwardCall> then) {
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Function<RecordingProxy.Seen, Optional<Integer>> later = proxy.fault();
    proxy.failWith(seen -> {
      arrived.countDown();
      await(release);
      return later.apply(seen);
    });
    add(first);
    await(arrived);
    then.forEach(this::add);
    proxy.failWith(later);
    release.countDown();
  }

  /** Closes each in turn (the ones not started are null), then drops the PostgreSQL database {@code store}. */
  static void closeAll(String store, AutoCloseable... started) {
    for (AutoCloseable c : started) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    PostgresServer.shared().drop(store);
  }

  static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(30, TimeUnit.SECONDS), "the proxy's latch was not released");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

}
