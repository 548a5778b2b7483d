package io.spoor.kafka;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Makes the Kafka clients of one log with Spoor's settings: an idempotent producer with
 * {@code acks=all} that gives up on a hit after {@code sendTimeout}; consumers of
 * {@code group} that never commit by themselves (the store keeps the offsets) and fetch at
 * most {@code maxBatch} records a poll.
 */
public final class KafkaClients {
  private static final int LINGER_MS = 2;

  /** Makes a new consumer, for the processor's thread. */
  interface ConsumerFactory {
    Consumer<String, byte[]> create();
  }

  private final KafkaAddress address;
  private final String group;
  private final Duration sendTimeout;
  private final int maxBatch;

  public KafkaClients(KafkaAddress address, String group, Duration sendTimeout, int maxBatch) {
    this.address = address;
    this.group = group;
    this.sendTimeout = sendTimeout;
    this.maxBatch = maxBatch;
  }

  Producer<String, byte[]> producer() {
    int timeout = Math.toIntExact(sendTimeout.toMillis());
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, address.bootstrapServers(),
        ProducerConfig.CLIENT_ID_CONFIG, "spoor-edge",
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.LINGER_MS_CONFIG, LINGER_MS,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout,
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout - LINGER_MS,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout),
        new StringSerializer(), new ByteArraySerializer());
  }

  ConsumerFactory consumers() {
    return () -> new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, address.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, group,
        ConsumerConfig.CLIENT_ID_CONFIG, "spoor-processor",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxBatch,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new StringDeserializer(), new ByteArrayDeserializer());
  }

  Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address.bootstrapServers(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000));
  }
}
