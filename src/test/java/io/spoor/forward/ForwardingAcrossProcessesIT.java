package io.spoor.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.http.Scope;
import io.spoor.testkit.Polling;
import io.spoor.testkit.PostgresServer;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two all-in-ones, each applying its own hits and each running a forwarding worker, on one
 * PostgreSQL store with one target: the outbox they share reaches the remote once, each call
 * exactly once, though both workers see the same due calls (the target's slow pace keeps a
 * backlog for both to contend over).
 */
@Timeout(240)
class ForwardingAcrossProcessesIT {
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final int HITS = 30;
  private static final Pattern EMAIL = Pattern.compile("email=([^&]+)");
  private RunningSpoor remote;
  private RecordingProxy proxy;
  private String store;
  private RunningSpoor first;
  private RunningSpoor second;

  @BeforeEach
  void start() throws IOException {
    remote = RunningSpoor.start();
    proxy = new RecordingProxy(remote.client().base());
    store = PostgresServer.shared().newDatabase();
    first = RunningSpoor.start(Map.of("store", store, "change-poll-ms", "100"));
    String token = remote.spoor().portals().issueToken(RunningSpoor.HUB_ID, "forwarding", Scope.all()).value();
    SpoorClient.Answer put = first.client().send("PUT", "/api/v1/forwarding", new JsonObject()
        .put("baseUrl", proxy.url()).put("trackingUrl", proxy.url()).put("accessToken", token)
        .put("hubId", RunningSpoor.HUB_ID).put("forwardTracking", true).put("secondly", 3));
    assertEquals(200, put.status(), put.body());
    second = RunningSpoor.start(Map.of("store", store, "change-poll-ms", "100"));
  }

  @AfterEach
  void stop() {
    ForwardingFixture.closeAll(store, second, first, proxy, remote);
  }

  private static boolean settled(RunningSpoor process) {
    JsonObject status = process.client().get("/api/v1/forwarding").json().getJsonObject("status");
    return status.getLong("queued") == 0 && status.getLong("inFlight") == 0;
  }

  /** How many times each email's event reached the remote's tracking endpoint. */
  private Map<String, Long> arrivals() {
    return proxy.seen().stream().filter(s -> s.path().equals("/v1/event")).map(s -> EMAIL.matcher(s.target()))
        .filter(Matcher::find).map(m -> URLDecoder.decode(m.group(1), StandardCharsets.UTF_8))
        .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
  }

  @Test
  void everyCallQueuedThroughEitherProcessReachesTheRemoteExactlyOnce() {
    List<String> emails = IntStream.rangeClosed(1, HITS).mapToObj(i -> "p" + i + "@example.com").toList();
    for (int i = 0; i < HITS; i++) {
      RunningSpoor through = i % 2 == 0 ? first : second;
      through.client().event("_a=" + RunningSpoor.HUB_ID + "&_n=signed_up&email=" + emails.get(i));
      through.awaitApplied();
    }

    Polling.until("both processes' outboxes drained", WAIT, () -> arrivals().size() == HITS
        && settled(first) && settled(second), done -> done);

    Map<String, Long> once = new TreeMap<>();
    emails.forEach(email -> once.put(email, 1L));
    assertEquals(once, arrivals(), "how many times each queued call reached the remote");
  }
}
