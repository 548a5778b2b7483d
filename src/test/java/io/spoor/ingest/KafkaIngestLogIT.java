package io.spoor.ingest;

import io.spoor.kafka.KafkaAddress;
import io.spoor.kafka.KafkaClients;
import io.spoor.kafka.KafkaIngestLog;
import io.spoor.testkit.KafkaBroker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link IngestLog} contract against the Kafka log on a real broker: each test has a topic
 * of one partition and a consumer group of its own, which the logs it opens again share.
 */
class KafkaIngestLogIT extends IngestLogContract {
  private static final AtomicInteger TESTS = new AtomicInteger();
  private final KafkaBroker broker = KafkaBroker.shared();
  @TempDir
  Path dir;
  private KafkaAddress address;
  private String group;

  @BeforeEach
  void newTopic() {
    int n = TESTS.incrementAndGet();
    broker.createTopic("hits-" + n, 1);
    address = KafkaAddress.parse(broker.address("hits-" + n)).orElseThrow();
    group = "processors-" + n;
  }

  @Override
  IngestLog open(IngestLimits limits) {
    return new KafkaIngestLog(address, new KafkaClients(address, group, Duration.ofSeconds(5), limits.maxBatch()),
        true, limits, dir, Clock.systemUTC());
  }

  @Override
  boolean marksReplays() {
    return false;
  }
}
