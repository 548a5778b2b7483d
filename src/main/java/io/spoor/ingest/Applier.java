package io.spoor.ingest;

import io.spoor.ingest.FileIngestLog.Sequenced;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands batches of logged (already acknowledged) hits to the sink until they are taken. A
 * failing batch is retried hit by hit: if some hits go through, the ones that still fail are
 * poison and go to the dead letters; if none does, the store is down and the batch is retried
 * after a pause, as long as {@code keepTrying} says so. A lone hit that keeps failing for
 * {@link #SINGLE_HIT_ATTEMPTS} pauses is taken for poison too.
 */
final class Applier {
  private static final Logger LOG = LoggerFactory.getLogger(Applier.class);
  private static final long PAUSE_MILLIS = 1_000;
  /** A lone hit failing this many times in a row (a second apart) is taken for poison. */
  private static final int SINGLE_HIT_ATTEMPTS = 30;

  private final BatchSink sink;
  private final DeadLetters deadLetters;
  private final BooleanSupplier keepTrying;

  Applier(BatchSink sink, DeadLetters deadLetters, BooleanSupplier keepTrying) {
    this.sink = sink;
    this.deadLetters = deadLetters;
    this.keepTrying = keepTrying;
  }

  /** True once every hit was applied or dead-lettered; false if it gave up (shutting down). */
  boolean deliver(List<Sequenced> batch) {
    for (int attempt = 1; ; attempt++) {
      try {
        sink.apply(hits(batch));
        return true;
      } catch (RuntimeException | Error e) {
        LOG.warn("batch of {} hits failed (attempt {})", batch.size(), attempt, e);
        List<Sequenced> failed = batch.size() > 1 ? oneByOne(batch) : batch;
        boolean storeDown = failed.size() == batch.size();
        if (!storeDown || (batch.size() == 1 && attempt >= SINGLE_HIT_ATTEMPTS)) {
          failed.forEach(s -> deadLetters.add(s.seq(), HitCodec.encode(s.hit()), e));
          return true;
        }
        if (!keepTrying.getAsBoolean()) {
          return false;
        }
        pause();
      }
    }
  }

  /** Applies each hit alone and returns those that still fail. */
  private List<Sequenced> oneByOne(List<Sequenced> batch) {
    List<Sequenced> failed = new ArrayList<>();
    for (Sequenced s : batch) {
      try {
        sink.apply(List.of(s.hit()));
      } catch (RuntimeException | Error e) {
        failed.add(s);
      }
    }
    return failed;
  }

  private static List<Hit> hits(List<Sequenced> batch) {
    List<Hit> hits = new ArrayList<>(batch.size());
    batch.forEach(s -> hits.add(s.hit()));
    return hits;
  }

  private static void pause() {
    try {
      Thread.sleep(PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
