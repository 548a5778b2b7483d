package io.spoor.forward;

import io.spoor.testkit.Polling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.http.Scope;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorProcess;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A forwarding Spoor killed with SIGKILL in the middle of delivering, then started again on the
 * same data: nothing is lost, and only a call in flight at the kill may reach the remote twice.
 */
class ForwardingAfterKillIT {
  private static final int EVENTS = 60;

  @Test
  void aKilledForwarderResumesLosingNothingAndRepeatingAtMostTheCallInFlight() throws Exception {
    Path data = Files.createTempDirectory("spoor-forward-kill");
    try (RunningSpoor remote = RunningSpoor.start();
        RecordingProxy proxy = new RecordingProxy(remote.client().base())) {
      remote.client().send("PATCH", "/api/v1/portal", new JsonObject().put("customEventsEnabled", true));
      String token = remote.spoor().portals().issueToken(RunningSpoor.HUB_ID, "forwarding", Scope.all()).value();
      try (SpoorProcess first = SpoorProcess.start(data)) {
        SpoorClient client = first.client();
        client.send("PATCH", "/api/v1/portal", new JsonObject().put("customEventsEnabled", true)
            .put("rateLimitSecondly", 0));
        assertEquals(200, client.send("PUT", "/api/v1/forwarding", new JsonObject().put("baseUrl", proxy.url())
            .put("trackingUrl", proxy.url()).put("accessToken", token).put("hubId", RunningSpoor.HUB_ID)
            .put("secondly", 10).put("forwardTracking", true)).status());
        for (int i = 0; i < EVENTS; i++) {
          client.event("_a=1&_n=signed_up&email=user" + i + "%40example.com");
        }
        Polling.until("deliveries to start", Duration.ofSeconds(30), () -> proxy.seen().size(), n -> n >= 20);
        first.kill();
      }
      int atKill = proxy.seen().size();
      assertTrue(atKill < EVENTS, "the kill came after every call was delivered: " + atKill);
      try (SpoorProcess second = SpoorProcess.start(data)) {
        // the killed process's lease on the target passes first, then the restarted one takes it
        Polling.until("the outbox to empty after the restart", Duration.ofMillis(ForwardWorker.LEASE_MS).plusSeconds(60),
            () -> second.client().get("/api/v1/forwarding").json().getJsonObject("status"),
            s -> s.getLong("queued") == 0 && s.getLong("inFlight") == 0);
      }

      List<RecordingProxy.Seen> events = proxy.seen().stream().filter(s -> s.path().equals("/v1/event")).toList();
      assertTrue(events.stream().allMatch(s -> s.status() == 200), events.toString());
      Map<String, Long> perEmail = events.stream().collect(Collectors.groupingBy(
          s -> s.target().replaceFirst(".*email=([^&]*).*", "$1"), Collectors.counting()));
      assertEquals(IntStream.range(0, EVENTS).mapToObj(i -> "user" + i + "%40example.com")
          .collect(Collectors.toSet()), perEmail.keySet());
      long repeated = events.size() - EVENTS;
      assertTrue(repeated <= 1, repeated + " calls sent twice (killed after " + atKill + "): " + perEmail);
      remote.awaitApplied();
      assertEquals(List.of(), IntStream.range(0, EVENTS).mapToObj(i -> "user" + i + "@example.com")
          .filter(email -> remote.client().get("/crm/v3/objects/contacts/" + email + "?idProperty=email").status() != 200)
          .toList());
    }
  }
}
