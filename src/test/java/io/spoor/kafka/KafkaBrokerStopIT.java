package io.spoor.kafka;

import static io.spoor.kafka.KafkaTopology.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.KafkaBroker;
import io.spoor.testkit.Polling;
import io.spoor.testkit.SpoorClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The broker stops under a collector and a processor: the collector answers 503 (a pixel still
 * the GIF) and says it is not ready; nothing it acknowledged is lost, and once the broker is
 * back hits flow again and each acknowledged one is applied once. On PostgreSQL, each process
 * on its own data directory ({@link KafkaTopology}).
 */
@Timeout(600)
class KafkaBrokerStopIT {
  private static final String EMAIL = "outage@kafka.example";
  private static final String EVENT = "_a=1&_n=signed_up&email=" + KafkaTopology.enc(EMAIL);

  @Test
  void whileTheBrokerIsDownCollectorsAnswer503AndNothingAcknowledgedIsLost() throws Exception {
    try (KafkaBroker broker = KafkaBroker.start();
        KafkaTopology spoor = new KafkaTopology(broker, "outage", 2)) {
      SpoorClient api = spoor.start("serve", "--role", "api").client();
      KafkaTopology.openPortal(api);
      SpoorClient collector = spoor.start("serve", "--role", "collector", "--kafka-send-timeout-ms", "1500")
          .client();
      spoor.start("process");
      int acknowledged = 0;
      for (int i = 0; i < 20; i++) {
        collector.event(EVENT + "&n=" + i);
        acknowledged++;
      }

      broker.stopBroker();
      Polling.until("the collector to say it is not ready", Duration.ofSeconds(60),
          () -> collector.get("/readyz").status(), status -> status == 503);
      for (int i = 0; i < 5; i++) {
        int status = collector.rawTarget("/v1/event?" + EVENT + "&down=" + i);
        assertEquals(503, status, "a hit Kafka cannot take is refused");
      }
      HttpResponse<byte[]> pixel = collector.raw("/__ptq.gif?k=1&a=1&v=1.1&vi=" + "f".repeat(32)
          + "&pu=https%3A%2F%2Fs.example%2F", Map.of("User-Agent", KafkaTopology.BROWSER));
      assertEquals(503, pixel.statusCode());
      assertEquals("image/gif", pixel.headers().firstValue("Content-Type").orElse(""), "a pixel still answers the GIF");
      assertEquals(503, collector.rawTarget("/v1/event?" + EVENT + "&down=last"));

      broker.startBroker();
      Polling.until("a hit to be acknowledged again", Duration.ofSeconds(120),
          () -> collector.rawTarget("/v1/event?" + EVENT + "&back=0"), status -> status == 200);
      acknowledged++;
      for (int i = 1; i < 20; i++) {
        collector.event(EVENT + "&back=" + i);
        acknowledged++;
      }
      assertEquals(200, collector.get("/readyz").status());

      int expected = acknowledged;
      Polling.until("every acknowledged hit to be applied", Duration.ofSeconds(120),
          () -> number(api, EMAIL, "hs_analytics_num_event_completions"), n -> n >= expected);
      assertEquals(expected, number(api, EMAIL, "hs_analytics_num_event_completions"));
      assertTrue(expected >= 40);
    }
  }
}
