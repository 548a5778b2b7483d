package io.spoor.kafka;

import io.spoor.ingest.BatchSink;
import io.spoor.ingest.DeadLetters;
import io.spoor.ingest.Hit;
import io.spoor.ingest.HitCodec;
import io.spoor.ingest.IngestLimits;
import io.spoor.ingest.IngestLog;
import io.spoor.ingest.IngestOverloadedException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest log on a Kafka topic. {@link #append} sends the hit, keyed by {@link PartitionKey},
 * through an idempotent producer with {@code acks=all}, and completes once every in-sync
 * replica has it; when Kafka does not acknowledge within the send timeout, or more than
 * {@code queueCapacity} hits wait to be sent, the hit is refused with a retriable error (503),
 * never dropped silently. Hits appended before {@link #start} wait until then.
 *
 * <p>In a process that applies ({@code process} and the all-in-one), {@link #start} also starts
 * a {@link Processor} and returns once it has applied what its first partitions held, so a
 * restarted all-in-one applies what was left before new hits. There the backlog is the hits this
 * process acknowledged that its processor has not applied yet, bounded by {@code maxBacklog}
 * (refused at once beyond it); in a collector nothing here is applied and the backlog is
 * Kafka's: only the hits waiting to be sent are bounded.
 */
public final class KafkaIngestLog implements IngestLog {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaIngestLog.class);
  private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(30);
  private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

  private final KafkaAddress address;
  private final Producer<String, byte[]> producer;
  private final Optional<KafkaClients.ConsumerFactory> consumers;
  private final IngestLimits limits;
  private final Acknowledged acknowledged = new Acknowledged();
  private final Sender sender;
  private final DeadLetters deadLetters;
  private final Reachability reachability;
  private final CompletableFuture<Throwable> failure = new CompletableFuture<>();
  private Processor processor;
  private Thread processorThread;
  private boolean started;
  private boolean closed;

  /**
   * A log on {@code address}; with {@code consumers}, this process applies too, as a member of
   * their consumer group. Dead letters are kept in {@code dir}.
   */
  public KafkaIngestLog(KafkaAddress address, KafkaClients clients, boolean applies, IngestLimits limits, Path dir,
      Clock clock) {
    this.address = address;
    this.producer = clients.producer();
    this.consumers = applies ? Optional.of(clients.consumers()) : Optional.empty();
    this.limits = limits;
    this.sender = new Sender(producer, limits.queueCapacity(), this::acknowledged, this::fail);
    this.deadLetters = new DeadLetters(dir.resolve("kafka-dead-letters.log"), clock);
    this.reachability = new Reachability(clients);
  }

  @Override
  public CompletableFuture<Void> append(Hit hit) {
    if (consumers.isPresent() && acknowledged.count() + sender.waiting() >= limits.maxBacklog()) {
      return CompletableFuture.failedFuture(new IngestOverloadedException("ingest backlog full"));
    }
    byte[] value;
    try {
      value = HitCodec.encode(hit);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return sender.send(new ProducerRecord<>(address.topic(), PartitionKey.of(hit), value));
  }

  private void acknowledged(int partition, long offset) {
    if (consumers.isPresent()) {
      acknowledged.add(partition, offset);
    }
  }

  @Override
  public synchronized void start(BatchSink sink) {
    if (started || closed) {
      throw new IllegalStateException(closed ? "closed" : "already started");
    }
    started = true;
    reachability.start();
    consumers.ifPresent(factory -> {
      processor = new Processor(factory.create(), address.topic(), sink, acknowledged, deadLetters, RETRY_PAUSE,
          this::fail);
      processorThread = new Thread(processor, "spoor-kafka-processor");
      processorThread.start();
      try {
        processor.caughtUp().get(CATCH_UP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        LOG.warn("the processor has not caught up with {} after {}; going on", address, CATCH_UP_LIMIT);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        throw new IllegalStateException(e);
      }
    });
    sender.start();
  }

  @Override
  public int depth() {
    return (int) Math.min(Integer.MAX_VALUE, sender.waiting() + acknowledged.count());
  }

  @Override
  public CompletableFuture<Throwable> failure() {
    return failure;
  }

  @Override
  public boolean reachable() {
    return reachability.reachable();
  }

  @Override
  public Map<Integer, Long> lagByPartition() {
    return processor == null ? Map.of() : Map.copyOf(processor.lag());
  }

  private void fail(Throwable why) {
    if (failure.complete(why)) {
      sender.stopAccepting();
      LOG.error("the Kafka ingest log failed and takes no more hits; restart the process", why);
    }
  }

  @Override
  public CompletableFuture<Void> awaitApplied() {
    if (consumers.isEmpty()) {
      return CompletableFuture.failedFuture(new IllegalStateException("this process does not apply hits"));
    }
    return acknowledged.await();
  }

  @Override
  public long deadLettered() {
    return deadLetters.count();
  }

  /**
   * Stops accepting, sends what was accepted, lets this process's processor apply what it
   * acknowledged (unless a batch fails), then leaves the consumer group.
   */
  @Override
  public void close() {
    sender.stopAccepting();
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      sender.close();
      producer.close(Duration.ofSeconds(10));
      if (processor != null) {
        processor.stop(true);
        try {
          processorThread.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      reachability.close();
      acknowledged.close();
    }
  }
}
