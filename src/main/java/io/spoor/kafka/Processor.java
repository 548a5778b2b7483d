package io.spoor.kafka;

import io.spoor.ingest.AppliedHits;
import io.spoor.ingest.BatchSink;
import io.spoor.ingest.DeadLetters;
import io.spoor.ingest.Hit;
import io.spoor.ingest.HitCodec;
import io.spoor.ingest.LogFencedException;
import io.spoor.ingest.LogPlace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A processor: the one thread that consumes the topic (as a member of the consumer group) and
 * hands each partition's records to the sink in batches, each batch committing, in its store
 * transaction, the partition's next offset if the stored one is still where the batch began.
 * On every assignment it seeks each partition to its stored offset; a batch refused as fenced
 * (another processor moved the offset) is dropped and the partition sought to the stored offset
 * again. A failing batch is retried after a pause from its first record; after
 * {@link #ALONE_AFTER} failures in a row its records go one at a time, and a record that fails
 * alone {@link #POISON_AFTER} times in a row while its offset alone can be committed is poison:
 * it is put aside in the dead letters and skipped, in one commit.
 */
final class Processor implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaIngestLog.class);
  static final int ALONE_AFTER = 2;
  static final int POISON_AFTER = 5;
  /** How long a closing processor goes on applying what its own edge acknowledged. */
  private static final Duration DRAIN_LIMIT = Duration.ofSeconds(20);

  private final org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer;
  private final String topic;
  private final BatchSink sink;
  private final Acknowledged acknowledged;
  private final DeadLetters deadLetters;
  private final Duration retryPause;
  private final Consumer<Throwable> fatal;
  /** Per owned partition, the stored offset its next batch starts from. */
  private final Map<TopicPartition, Long> from = new HashMap<>();
  /** Owned partitions whose stored offset is still to be read and sought to. */
  private final Set<TopicPartition> toSeek = new HashSet<>();
  private final Map<TopicPartition, Integer> failures = new HashMap<>();
  private final Map<Integer, Long> lag = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> caughtUp = new CompletableFuture<>();
  private final CountDownLatch stop = new CountDownLatch(1);
  private Map<TopicPartition, Long> catchUpTo = Map.of();
  private volatile boolean draining;
  private volatile long drainUntil;

  Processor(org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer, String topic, BatchSink sink,
      Acknowledged acknowledged, DeadLetters deadLetters, Duration retryPause, Consumer<Throwable> fatal) {
    this.consumer = consumer;
    this.topic = topic;
    this.sink = sink;
    this.acknowledged = acknowledged;
    this.deadLetters = deadLetters;
    this.retryPause = retryPause;
    this.fatal = fatal;
  }

  /** Completes once the partitions first assigned were applied up to where they ended then. */
  CompletableFuture<Void> caughtUp() {
    return caughtUp;
  }

  /** Consumer lag by partition, of the partitions this processor owns. */
  Map<Integer, Long> lag() {
    return lag;
  }

  /**
   * Stops the thread: at once if {@code drain} is false; else once what this process's edge
   * acknowledged is applied, or a batch fails.
   */
  void stop(boolean drain) {
    drainUntil = System.nanoTime() + DRAIN_LIMIT.toNanos();
    draining = drain;
    stop.countDown();
    if (!drain) {
      consumer.wakeup();
    }
  }

  @Override
  public void run() {
    try {
      consumer.subscribe(List.of(topic), new Rebalance());
      boolean failed = false;
      while (stop.getCount() > 0
          || draining && !failed && acknowledged.count() > 0 && System.nanoTime() - drainUntil < 0) {
        seekWhereStored();
        ConsumerRecords<String, byte[]> records;
        try {
          records = consumer.poll(Duration.ofMillis(100));
        } catch (WakeupException e) {
          throw e;
        } catch (KafkaException e) {
          // the brokers are away or the group is rebalancing: the client recovers by itself
          LOG.warn("polling {} failed; trying again", topic, e);
          stop.await(retryPause.toMillis(), TimeUnit.MILLISECONDS);
          continue;
        }
        failed = false;
        for (TopicPartition tp : records.partitions()) {
          if (from.containsKey(tp) && !toSeek.contains(tp) && !deliver(tp, records.records(tp))) {
            failed = true;
          }
        }
        afterPoll();
        if (failed && stop.getCount() > 0) {
          stop.await(retryPause.toMillis(), TimeUnit.MILLISECONDS);
        }
      }
    } catch (WakeupException e) {
      // stop(false): leave at once
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      fatal.accept(e);
    } finally {
      caughtUp.complete(null);
      // before leaving the group: the partitions revoked now are not another processor's to apply
      acknowledged.close();
      try {
        consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
      } catch (RuntimeException e) {
        LOG.warn("closing the Kafka consumer", e);
      }
    }
  }

  /** Applies a partition's records; false if the batch failed (it is fetched again after a pause). */
  private boolean deliver(TopicPartition tp, List<ConsumerRecord<String, byte[]>> records) {
    int failed = failures.getOrDefault(tp, 0);
    List<ConsumerRecord<String, byte[]>> batch = failed >= ALONE_AFTER ? records.subList(0, 1) : records;
    long start = from.get(tp);
    long next = batch.get(batch.size() - 1).offset() + 1;
    try {
      sink.apply(decode(batch), new LogPlace.Consumed(topic, tp.partition(), start, next));
      committed(tp, next, batch.size() < records.size());
      return true;
    } catch (LogFencedException e) {
      LOG.warn("{}; seeking to the stored offset", e.getMessage());
      toSeek.add(tp);
      failures.remove(tp);
      return true;
    } catch (RuntimeException e) {
      failures.put(tp, failed + 1);
      LOG.warn("batch of {} records of partition {} failed (attempt {})", batch.size(), tp.partition(), failed + 1, e);
      if (batch.size() == 1 && failed + 1 >= POISON_AFTER && putAside(tp, start, batch.get(0), e)) {
        return true;
      }
      consumer.seek(tp, records.get(0).offset());
      return false;
    }
  }

  private void committed(TopicPartition tp, long next, boolean more) {
    from.put(tp, next);
    failures.remove(tp);
    acknowledged.applied(tp.partition(), next);
    if (more) {
      consumer.seek(tp, next);
    }
    // for operators' usual tools only: the stored offset is what a processor seeks to
    consumer.commitAsync(Map.of(tp, new OffsetAndMetadata(next)), null);
  }

  /** Keeps a record that fails alone aside and skips it; false if even skipping it cannot be committed. */
  private boolean putAside(TopicPartition tp, long start, ConsumerRecord<String, byte[]> record, Throwable error) {
    try {
      deadLetters.add(record.offset(), record.value(), error);
      sink.apply(List.of(), new LogPlace.Consumed(topic, tp.partition(), start, record.offset() + 1));
      committed(tp, record.offset() + 1, true);
      return true;
    } catch (LogFencedException e) {
      toSeek.add(tp);
      return true;
    } catch (RuntimeException e) {
      LOG.warn("cannot skip record {} of partition {}; it will be retried", record.offset(), tp.partition(), e);
      return false;
    }
  }

  private static List<Hit> decode(List<ConsumerRecord<String, byte[]>> records) {
    List<Hit> hits = new ArrayList<>(records.size());
    records.forEach(r -> hits.add(HitCodec.decode(r.value())));
    return hits;
  }

  /** Seeks each partition that needs it to its stored offset; one the store cannot tell stays paused. */
  private void seekWhereStored() {
    for (TopicPartition tp : List.copyOf(toSeek)) {
      try {
        long stored = sink.nextOffset(topic, tp.partition());
        if (stored == AppliedHits.NO_OFFSET) {
          consumer.seekToBeginning(List.of(tp));
        } else {
          consumer.seek(tp, stored);
        }
        from.put(tp, stored);
        toSeek.remove(tp);
        consumer.resume(List.of(tp));
      } catch (RuntimeException e) {
        LOG.warn("cannot read the stored offset of partition {}; retrying", tp.partition(), e);
        consumer.pause(List.of(tp));
      }
    }
  }

  private void afterPoll() {
    for (TopicPartition tp : from.keySet()) {
      consumer.currentLag(tp).ifPresent(l -> lag.put(tp.partition(), l));
    }
    if (!caughtUp.isDone() && !catchUpTo.isEmpty() && catchUpTo.entrySet().stream()
        .allMatch(e -> !from.containsKey(e.getKey()) || from.get(e.getKey()) >= e.getValue()
            || e.getValue() == 0)) {
      caughtUp.complete(null);
    }
  }

  /** Seeks to the stored offsets on every assignment; forgets partitions lost or revoked. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      partitions.forEach(tp -> from.putIfAbsent(tp, AppliedHits.NO_OFFSET));
      toSeek.addAll(partitions);
      seekWhereStored();
      owned();
      if (!caughtUp.isDone()) {
        try {
          catchUpTo = new HashMap<>(consumer.endOffsets(partitions));
        } catch (KafkaException e) {
          LOG.warn("cannot tell where the partitions end; not waiting to catch up", e);
          caughtUp.complete(null);
        }
        if (catchUpTo.values().stream().allMatch(end -> end == 0)) {
          caughtUp.complete(null);
        }
      }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      forget(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      forget(partitions);
    }

    private void forget(Collection<TopicPartition> partitions) {
      partitions.forEach(tp -> {
        from.remove(tp);
        toSeek.remove(tp);
        failures.remove(tp);
        lag.remove(tp.partition());
      });
      owned();
    }

    private void owned() {
      Set<Integer> partitions = new HashSet<>();
      from.keySet().forEach(tp -> partitions.add(tp.partition()));
      acknowledged.own(partitions);
    }
  }
}
