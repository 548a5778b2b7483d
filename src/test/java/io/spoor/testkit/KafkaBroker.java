package io.spoor.testkit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker in KRaft mode (one node that is broker and controller) in the test's JVM,
 * from Kafka's own test kit, on a free port. Groups form at once (no initial rebalance delay).
 */
public final class KafkaBroker implements AutoCloseable {
  private final KafkaClusterTestKit cluster;
  private final Admin admin;

  private KafkaBroker() throws Exception {
    cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true)
        .setNumBrokerNodes(1).setNumControllerNodes(1).build())
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
    admin = cluster.admin();
  }

  private static KafkaBroker shared;

  /**
   * One broker for every test of this JVM that only needs topics of its own, started on first
   * use and stopped when the JVM exits.
   */
  public static synchronized KafkaBroker shared() {
    if (shared == null) {
      KafkaBroker broker = start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          broker.close();
        } catch (Exception e) {
          // the JVM is exiting: nothing to tell
        }
      }, "kafka-broker-stop"));
      shared = broker;
    }
    return shared;
  }

  /** A broker of the caller's own, which it may stop and start, and closes. */
  public static KafkaBroker start() {
    try {
      return new KafkaBroker();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start a Kafka broker", e);
    }
  }

  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  /** {@code kafka://…/topic} of this broker. */
  public String address(String topic) {
    return "kafka://" + bootstrapServers() + "/" + topic;
  }

  /** Creates a topic with this many partitions and waits until it exists. */
  public void createTopic(String topic, int partitions) {
    try {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create topic " + topic, e);
    }
  }

  /** The broker's end offset of each partition of the topic, added up: how many records it holds. */
  public long records(String topic, int partitions) {
    try {
      Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest =
          new java.util.HashMap<>();
      for (int p = 0; p < partitions; p++) {
        latest.put(new org.apache.kafka.common.TopicPartition(topic, p),
            org.apache.kafka.clients.admin.OffsetSpec.latest());
      }
      return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
          .mapToLong(r -> r.offset()).sum();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stops the broker (its controller keeps running); clients get no answer until {@link #startBroker}. */
  public void stopBroker() {
    kafka.server.BrokerServer broker = cluster.brokers().values().iterator().next();
    broker.shutdown();
    broker.awaitShutdown();
  }

  /** Starts the stopped broker again, on the same port and data, and waits until it is ready. */
  public void startBroker() {
    cluster.brokers().values().iterator().next().startup();
    try {
      cluster.waitForReadyBrokers();
    } catch (Exception e) {
      throw new IllegalStateException("the broker did not come back", e);
    }
  }

  @Override
  public void close() throws Exception {
    admin.close();
    cluster.close();
  }
}
