package io.spoor.kafka;

import static io.spoor.kafka.KafkaTopology.enc;
import static io.spoor.kafka.KafkaTopology.metric;
import static io.spoor.kafka.KafkaTopology.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.KafkaBroker;
import io.spoor.testkit.Polling;
import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Spoor scaled out on a real Kafka broker and PostgreSQL: collectors, processors and an api
 * process, each a process of its own on one database, with the counts read back exactly through
 * the CRM API. A processor killed mid-stream waits out its old session in the group when started
 * again (Kafka's 45 seconds), then goes on from the offsets stored with its batches.
 */
@Timeout(600)
class KafkaScaleOutIT {
  private static final String PAGE_VIEWS = "hs_analytics_num_page_views";
  private static final String COMPLETIONS = "hs_analytics_num_event_completions";
  private final KafkaBroker broker = KafkaBroker.shared();

  @Test
  void twoCollectorsAndTwoProcessorsApplyEveryEventsApiCallAndBeaconExactlyOnce() {
    int users = 20;
    try (KafkaTopology spoor = new KafkaTopology(broker, "scale-out", 4)) {
      SpoorClient api = spoor.start("serve", "--role", "api").client();
      KafkaTopology.openPortal(api);
      SpoorProcess first = spoor.start("process");
      SpoorProcess second = spoor.start("process");
      List<SpoorClient> collectors = List.of(spoor.start("serve", "--role", "collector").client(),
          spoor.start("serve", "--role", "collector").client());
      for (int i = 0; i < users; i++) {
        SpoorClient one = collectors.get(i % 2);
        SpoorClient other = collectors.get((i + 1) % 2);
        String utk = String.format("%032x", 0xabc000 + i);
        String email = "user" + i + "@scale.example";
        KafkaTopology.pageView(one, utk, "https://site.example/a", email);
        KafkaTopology.pageView(other, utk, "https://site.example/b", "");
        KafkaTopology.pageView(one, utk, "https://site.example/c", "");
        one.event("_a=1&_n=signed_up&email=" + enc(email));
        other.event("_a=1&_n=signed_up&email=" + enc(email));
      }
      List<String> emails = IntStream.range(0, users).mapToObj(i -> "user" + i + "@scale.example").toList();
      Polling.until("every hit to be applied", Duration.ofSeconds(120), () -> emails.stream()
          .allMatch(e -> number(api, e, PAGE_VIEWS) >= 3 && number(api, e, COMPLETIONS) >= 2), done -> done);
      for (String email : emails) {
        assertEquals(3, number(api, email, PAGE_VIEWS), email);
        assertEquals(2, number(api, email, COMPLETIONS), email);
      }
      assertEquals(users, KafkaTopology.contacts(api), "one contact per person, whichever processor applied its hits");
      Map<String, Double> lag = new java.util.HashMap<>(metric(first.client(), "spoor_kafka_consumer_lag"));
      lag.putAll(metric(second.client(), "spoor_kafka_consumer_lag"));
      assertEquals(4, lag.size(), "each partition is applied by one of the processors: " + lag);
      assertEquals(200, collectors.get(0).get("/readyz").status());
      assertEquals(404, collectors.get(0).get("/crm/v3/objects/contacts").status(), "a collector serves no CRM API");
      assertEquals(404, api.rawTarget("/v1/event?_a=1&_n=signed_up&email=x%40scale.example"),
          "an api process takes no hits");
    }
  }

  @Test
  void aProcessorKilledMidStreamAndStartedAgainAppliesEveryAcknowledgedHitExactlyOnce() throws Exception {
    int people = 20;
    int each = 50;
    try (KafkaTopology spoor = new KafkaTopology(broker, "kill-processor", 4)) {
      SpoorClient api = spoor.start("serve", "--role", "api").client();
      KafkaTopology.openPortal(api);
      SpoorClient collector = spoor.start("serve", "--role", "collector").client();
      SpoorProcess processor = spoor.start("process", "--max-batch", "10");
      ExecutorService senders = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> sent = IntStream.range(0, people).mapToObj(p -> senders.submit(() -> {
          for (int n = 0; n < each; n++) {
            collector.event("_a=1&_n=signed_up&email=" + enc("k" + p + "@kill.example") + "&n=" + n);
          }
        })).<Future<?>>map(f -> f).toList();
        Polling.until("the processor to be applying", Duration.ofSeconds(60),
            () -> metric(processor.client(), "spoor_ingest_batch_size_count").getOrDefault("", 0.0), n -> n >= 3);
        processor.kill();
        assertTrue(sent.stream().anyMatch(f -> !f.isDone()), "the hits were all sent before the kill");
        for (Future<?> f : sent) {
          f.get();
        }
      } finally {
        senders.shutdownNow();
      }
      spoor.start("process", "--max-batch", "10");

      List<String> emails = IntStream.range(0, people).mapToObj(p -> "k" + p + "@kill.example").toList();
      // the restarted processor first waits out the killed one's session in the group
      Polling.until("every acknowledged hit to be applied", Duration.ofSeconds(300),
          () -> emails.stream().mapToLong(e -> number(api, e, COMPLETIONS)).sum(), n -> n >= (long) people * each);
      for (String email : emails) {
        assertEquals(each, number(api, email, COMPLETIONS), email);
      }
      assertEquals(people, KafkaTopology.contacts(api), "one contact per person");
    }
  }
}
