package io.spoor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.RunningSpoor;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The short form of the overload run: many senders at once against a backlog bound far below
 * what they send. What the server cannot take it answers 503 with {@code Retry-After} (on the
 * Events HTTP API in HubSpot's error format, as its other errors); every hit it acknowledged
 * (200 and the GIF) is applied exactly once; it takes hits again by itself.
 * (The long form, a minute at several times the sustainable rate, is {@code bench/load.sh}.)
 */
@Timeout(120)
class OverloadIT {
  private static final int SENDERS = 32;
  private static final int HITS_PER_SENDER = 60;

  @Test
  void whatCannotBeTakenIsRefusedWithRetryAfterAndEveryAcknowledgedHitIsAppliedOnce() throws Exception {
    try (RunningSpoor spoor = RunningSpoor.start(Map.of("max-backlog", "1", "max-wait-ms", "0"))) {
      Outcomes outcomes = flood(spoor, "refused");

      assertTrue(outcomes.refused.get() > 0, "a backlog of one must refuse some of " + SENDERS + " senders; "
          + outcomes.acknowledged.get() + " acknowledged, other answers " + outcomes.others);
      assertEquals(SENDERS * HITS_PER_SENDER, outcomes.acknowledged.get() + outcomes.refused.get(),
          "every answer is 200 or 503: " + outcomes.others);
      assertEquals(Map.of(), outcomes.others);
      spoor.awaitApplied();
      assertEquals(outcomes.acknowledged.get(), contacts(spoor), "acknowledged hits applied once");
      spoor.client().event("_a=1&_n=after&email=after%40example.com");
    }
  }

  @Test
  void aBurstPastTheBacklogBoundWaitsForRoomAndIsAcknowledgedWhole() throws Exception {
    try (RunningSpoor spoor = RunningSpoor.start(Map.of("max-backlog", "1", "max-wait-ms", "10000"))) {
      Outcomes outcomes = flood(spoor, "waited");

      assertEquals(SENDERS * HITS_PER_SENDER, outcomes.acknowledged.get(),
          "refused " + outcomes.refused.get() + ", other answers " + outcomes.others);
      spoor.awaitApplied();
      assertEquals(outcomes.acknowledged.get(), contacts(spoor));
    }
  }

  /** Every sender sends its hits one after another, each for a new contact. */
  private static Outcomes flood(RunningSpoor spoor, String run) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    Outcomes outcomes = new Outcomes();
    ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
    List<Future<?>> senders = new ArrayList<>();
    for (int s = 0; s < SENDERS; s++) {
      int sender = s;
      senders.add(pool.submit(() -> {
        for (int i = 0; i < HITS_PER_SENDER; i++) {
          String email = run + "-" + sender + "-" + i + "%40example.com";
          HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(
              URI.create(spoor.client().base() + "/v1/event?_a=1&_n=flood&email=" + email)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
          outcomes.record(answer);
        }
        return null;
      }));
    }
    for (Future<?> sender : senders) {
      sender.get();
    }
    pool.shutdown();
    return outcomes;
  }

  /** The portal's contacts: each test's server starts empty, so these are the flood's. */
  private static long contacts(RunningSpoor spoor) {
    return spoor.client().send("POST", "/crm/v3/objects/contacts/search", new JsonObject()).json().getLong("total");
  }

  private static final class Outcomes {
    final AtomicInteger acknowledged = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final Map<Integer, Integer> others = new ConcurrentHashMap<>();

    void record(HttpResponse<byte[]> answer) {
      String type = answer.headers().firstValue("Content-Type").orElse("");
      if (answer.statusCode() == 200 && type.startsWith("image/gif")) {
        acknowledged.incrementAndGet();
      } else if (answer.statusCode() == 503 && answer.headers().firstValue("Retry-After").isPresent()
          && new String(answer.body(), StandardCharsets.UTF_8).contains("\"SERVICE_UNAVAILABLE\"")) {
        refused.incrementAndGet();
      } else {
        others.merge(answer.statusCode(), 1, Integer::sum);
      }
    }
  }
}
