package io.spoor.kafka;

import io.spoor.ingest.IngestOverloadedException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands records to the producer on a thread of its own, so the caller never blocks (the
 * producer's {@code send} can block while it has no metadata of the topic, or no buffer room).
 * At most {@code capacity} records wait to be acknowledged; more are refused at once. Each
 * record's future completes when Kafka acknowledged it, or fails with a retriable error.
 */
final class Sender implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaIngestLog.class);

  /** Where an acknowledged record landed. */
  interface Landed {
    void at(int partition, long offset);
  }

  private record Pending(ProducerRecord<String, byte[]> record, CompletableFuture<Void> done) {
  }

  private final Producer<String, byte[]> producer;
  private final BlockingQueue<Pending> queue;
  private final int capacity;
  private final AtomicInteger unacknowledged = new AtomicInteger();
  private final Landed landed;
  private final Consumer<Throwable> fatal;
  private volatile boolean accepting = true;
  private Thread thread;

  Sender(Producer<String, byte[]> producer, int capacity, Landed landed, Consumer<Throwable> fatal) {
    this.producer = producer;
    this.capacity = capacity;
    this.queue = new LinkedBlockingQueue<>(capacity);
    this.landed = landed;
    this.fatal = fatal;
  }

  CompletableFuture<Void> send(ProducerRecord<String, byte[]> record) {
    if (!accepting) {
      return CompletableFuture.failedFuture(new IngestOverloadedException("ingest log closed"));
    }
    if (unacknowledged.incrementAndGet() > capacity) {
      unacknowledged.decrementAndGet();
      return CompletableFuture.failedFuture(new IngestOverloadedException("ingest queue full"));
    }
    Pending pending = new Pending(record, new CompletableFuture<>());
    if (!queue.offer(pending)) {
      refuse(pending, new IngestOverloadedException("ingest queue full"));
    }
    return pending.done;
  }

  /** Records accepted and not yet acknowledged or refused. */
  int waiting() {
    return Math.max(0, unacknowledged.get());
  }

  synchronized void start() {
    thread = new Thread(this, "spoor-kafka-sender");
    thread.start();
  }

  void stopAccepting() {
    accepting = false;
  }

  /** Sends what was accepted, waits for its answers, then stops the thread. */
  synchronized void close() {
    accepting = false;
    if (thread == null) {
      refuseQueued();
      return;
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.flush();
  }

  @Override
  public void run() {
    try {
      while (accepting || !queue.isEmpty()) {
        Pending next = queue.poll(50, TimeUnit.MILLISECONDS);
        if (next != null) {
          send(next);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      fatal.accept(e);
    } finally {
      refuseQueued();
    }
  }

  private void send(Pending p) {
    try {
      producer.send(p.record, (meta, error) -> {
        if (error == null) {
          // counted where it landed before anyone waiting for the answer can look
          landed.at(meta.partition(), meta.offset());
          unacknowledged.decrementAndGet();
          p.done.complete(null);
        } else {
          LOG.warn("Kafka did not take a hit: {}", error.toString());
          refuse(p, new KafkaUnavailableException("Kafka did not acknowledge the hit", error));
        }
      });
    } catch (KafkaException e) {
      LOG.warn("Kafka did not take a hit: {}", e.toString());
      refuse(p, new KafkaUnavailableException("Kafka did not take the hit", e));
    }
  }

  private void refuse(Pending p, RuntimeException why) {
    unacknowledged.decrementAndGet();
    p.done.completeExceptionally(why);
  }

  private void refuseQueued() {
    for (Pending p = queue.poll(); p != null; p = queue.poll()) {
      refuse(p, new IngestOverloadedException("ingest log closed"));
    }
  }
}
