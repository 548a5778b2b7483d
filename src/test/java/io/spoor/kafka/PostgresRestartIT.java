package io.spoor.kafka;

import static io.spoor.kafka.KafkaTopology.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.KafkaBroker;
import io.spoor.testkit.Polling;
import io.spoor.testkit.PostgresServer;
import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorProcess;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * PostgreSQL stops under a collector and a processor, each a process of its own on Kafka, while
 * Events API hits and page view beacons keep coming: what the collector acknowledged (2xx) during
 * the outage is in the topic, and once the database is back the processor applies every
 * acknowledged hit exactly once, and both processes are ready again. The server is the test's
 * own, so stopping it disturbs no other test.
 */
@Timeout(600)
class PostgresRestartIT {
  private static final String EMAIL = "restart@postgres.example";
  private static final String EVENT = "_a=1&_n=signed_up&email=" + KafkaTopology.enc(EMAIL);
  private static final String VISITOR = "d".repeat(32);
  private static final String PAGE_VIEWS = "hs_analytics_num_page_views";
  private static final String COMPLETIONS = "hs_analytics_num_event_completions";

  @Test
  void afterTheDatabaseRestartsEveryAcknowledgedHitIsAppliedOnceAndEveryProcessIsReady() throws Exception {
    PostgresServer postgres = PostgresServer.startOwn();
    try (KafkaBroker broker = KafkaBroker.start();
        KafkaTopology spoor = new KafkaTopology(broker, "pgrestart", 2, postgres)) {
      SpoorClient api = spoor.start("serve", "--role", "api").client();
      KafkaTopology.openPortal(api);
      SpoorProcess collectorProcess = spoor.start("serve", "--role", "collector");
      SpoorProcess processorProcess = spoor.start("process");
      SpoorClient collector = collectorProcess.client();
      SpoorClient processor = processorProcess.client();
      Hits hits = new Hits(collector);
      for (int i = 0; i < 20; i++) {
        hits.send("before-" + i);
      }
      assertEquals(40, hits.acknowledged(), "with the database up every hit is acknowledged");
      Polling.until("the hits before the outage to be applied", Duration.ofSeconds(120),
          () -> number(api, EMAIL, COMPLETIONS), n -> n >= 20);

      postgres.stopServer();
      Polling.until("the processor to say it is not ready", Duration.ofSeconds(60),
          () -> processor.get("/readyz").status(), status -> status == 503);
      long downUntil = System.nanoTime() + Duration.ofSeconds(4).toNanos();
      int sentWhileDown = 0;
      while (System.nanoTime() < downUntil) {
        hits.send("down-" + sentWhileDown++);
      }
      long acknowledgedWhileDown = hits.acknowledged() - 40;
      postgres.startServer();

      for (int i = 0; i < 20; i++) {
        hits.send("after-" + i);
      }
      Polling.until("the collector to be ready again", Duration.ofSeconds(60),
          () -> collector.get("/readyz").status(), status -> status == 200);
      Polling.until("the processor to be ready again", Duration.ofSeconds(60),
          () -> processor.get("/readyz").status(), status -> status == 200);
      Polling.until("a hit to be acknowledged again", Duration.ofSeconds(60),
          () -> hits.sendEvent("back"), acknowledged -> acknowledged);

      long events = hits.events();
      long views = hits.views();
      Polling.until("every acknowledged hit to be applied", Duration.ofSeconds(120),
          () -> number(api, EMAIL, COMPLETIONS) >= events && number(api, EMAIL, PAGE_VIEWS) >= views, done -> done);
      assertEquals(events, number(api, EMAIL, COMPLETIONS), "each acknowledged event applied once");
      assertEquals(views, number(api, EMAIL, PAGE_VIEWS), "each acknowledged page view applied once");
      assertTrue(sentWhileDown > 0, "hits were sent while the database was down");
      System.out.printf("PostgresRestartIT: %d steps while down, %d of their %d hits acknowledged; %d events and %d page"
          + " views applied once%n", sentWhileDown, acknowledgedWhileDown, 2 * sentWhileDown, events, views);
      assertEquals(200, collector.get("/readyz").status());
      assertEquals(200, processor.get("/readyz").status());
    } finally {
      postgres.stopServer();
    }
  }

  /** Sends an event and a page view per step and counts those the collector acknowledged. */
  private static final class Hits {
    private final SpoorClient collector;
    private long events;
    private long views;

    Hits(SpoorClient collector) {
      this.collector = collector;
    }

    void send(String step) {
      sendEvent(step);
      int status = collector.raw("/__ptq.gif?k=1&a=1&v=1.1&vi=" + VISITOR + "&pu="
          + KafkaTopology.enc("https://site.example/" + step) + "&t=Page&i="
          + KafkaTopology.enc("email=" + KafkaTopology.enc(EMAIL)), Map.of("User-Agent", KafkaTopology.BROWSER))
          .statusCode();
      if (status / 100 == 2) {
        views++;
      }
    }

    boolean sendEvent(String step) {
      boolean acknowledged = collector.rawTarget("/v1/event?" + EVENT + "&step=" + step) / 100 == 2;
      if (acknowledged) {
        events++;
      }
      return acknowledged;
    }

    long events() {
      return events;
    }

    long views() {
      return views;
    }

    long acknowledged() {
      return events + views;
    }
  }
}
