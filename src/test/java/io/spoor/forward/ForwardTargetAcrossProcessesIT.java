package io.spoor.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.http.Scope;
import io.spoor.testkit.Polling;
import io.spoor.testkit.PostgresServer;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two all-in-ones, each with its own ingest log, on one PostgreSQL store: a forwarding target
 * set through one is used by the other's outbox for its next hits, without a restart
 * (the other had already read the portal's target, none, for a hit before).
 */
@Timeout(180)
class ForwardTargetAcrossProcessesIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private RunningSpoor remote;
  private RecordingProxy proxy;
  private String store;
  private RunningSpoor processor;
  private RunningSpoor api;
  private final AtomicInteger sent = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    remote = RunningSpoor.start();
    proxy = new RecordingProxy(remote.client().base());
    store = PostgresServer.shared().newDatabase();
    processor = RunningSpoor.start(Map.of("store", store, "change-poll-ms", "100"));
    api = RunningSpoor.start(Map.of("store", store));
  }

  @AfterEach
  void stop() {
    ForwardingFixture.closeAll(store, api, processor, proxy, remote);
  }

  /** An Events API hit taken and applied by the processor; its email. */
  private String hit() {
    String email = "n" + sent.incrementAndGet() + "@example.com";
    processor.client().event("_a=1&_n=signed_up&email=" + email);
    processor.awaitApplied();
    return email;
  }

  private JsonObject status() {
    return api.client().get("/api/v1/forwarding").json().getJsonObject("status");
  }

  private boolean atRemote(String email) {
    remote.awaitApplied();
    return remote.client().get("/crm/v3/objects/contacts/" + email + "?idProperty=email").status() == 200;
  }

  @Test
  void aTargetSetThroughOneProcessIsUsedByTheOthersOutboxWithoutARestart() {
    String before = hit(); // the processor reads the portal's target (none) and keeps it
    String token = remote.spoor().portals().issueToken(RunningSpoor.HUB_ID, "forwarding", Scope.all()).value();
    SpoorClient.Answer put = api.client().send("PUT", "/api/v1/forwarding", new JsonObject()
        .put("baseUrl", proxy.url()).put("trackingUrl", proxy.url()).put("accessToken", token)
        .put("hubId", RunningSpoor.HUB_ID).put("forwardTracking", true));
    assertEquals(200, put.status(), put.body());

    // hits go on until the processor has heard of the change (at most --change-poll-ms): the first it queues arrives
    Polling.until("a hit the processor applied after the target was set queued for it", WAIT, () -> {
      hit();
      return status();
    }, s -> s.getLong("queued") + s.getLong("inFlight") + s.getLong("delivered") > 0);
    String after = hit();
    Polling.until(after + " forwarded to the remote", WAIT, () -> atRemote(after), found -> found);
    assertTrue(!atRemote(before), "a hit applied before the target was set is not forwarded");
  }
}
