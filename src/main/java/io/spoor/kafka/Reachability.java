package io.spoor.kafka;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;

/** Whether the brokers answer: asks for the cluster's nodes every {@link #EVERY}, from a daemon thread. */
final class Reachability implements AutoCloseable {
  static final Duration EVERY = Duration.ofSeconds(2);
  private final KafkaClients clients;
  private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "spoor-kafka-reachability");
    t.setDaemon(true);
    return t;
  });
  private Admin admin;
  private volatile boolean reachable;

  Reachability(KafkaClients clients) {
    this.clients = clients;
  }

  void start() {
    checks.scheduleWithFixedDelay(this::check, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  boolean reachable() {
    return reachable;
  }

  private void check() {
    try {
      if (admin == null) {
        admin = clients.admin();
      }
      reachable = !admin.describeCluster().nodes().get(EVERY.toMillis(), TimeUnit.MILLISECONDS).isEmpty();
    } catch (Exception e) {
      reachable = false;
    }
  }

  @Override
  public void close() {
    checks.shutdownNow();
    try {
      checks.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (admin != null) {
      admin.close(Duration.ofSeconds(2));
    }
  }
}
