package io.spoor.ingest;

import io.spoor.ingest.FileIngestLog.Sequenced;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands batches of logged (already acknowledged) hits to the sink until they are taken. A
 * failing batch is applied hit by hit: a hit that fails alone while a hit after it goes
 * through, and fails again when retried right after, is poison and goes to the dead letters
 * (hits applied this way may be applied out of log order). The hits still undecided (all of
 * them when the store is down) are retried after a pause, together with the hits that arrived
 * since, as long as {@code keepTrying} says so: a store that is down sends no hit to the dead
 * letters while other hits keep coming. A lone hit that keeps failing with nothing to compare
 * it with, {@link #SINGLE_HIT_ATTEMPTS} times in a row, is taken for poison. Running out of
 * memory (any {@link VirtualMachineError} but a {@link StackOverflowError}) says nothing about
 * the hit, so it is never a reason to put one aside: it propagates to the caller, which stops,
 * and the hits stay in the log for the next start.
 */
final class Applier {
  private static final Logger LOG = LoggerFactory.getLogger(Applier.class);
  /** A lone hit failing this many times in a row, a pause apart, is taken for poison. */
  static final int SINGLE_HIT_ATTEMPTS = 30;

  private final BatchSink sink;
  private final String log;
  private final boolean replaying;
  private final DeadLetters deadLetters;
  private final BooleanSupplier keepTrying;
  private final int maxBatch;
  private final long pauseNanos;
  private final Ticker ticker;

  /**
   * Delivers records of {@code log}; {@code replaying}: they are replayed after a stop, so the
   * sink checks whether each was applied before. It pauses {@code pause} of {@code ticker}'s
   * time between attempts, less if {@code keepTrying} turns false meanwhile.
   */
  Applier(BatchSink sink, String log, boolean replaying, DeadLetters deadLetters,
      BooleanSupplier keepTrying, int maxBatch, Duration pause, Ticker ticker) {
    this.sink = sink;
    this.log = log;
    this.replaying = replaying;
    this.deadLetters = deadLetters;
    this.keepTrying = keepTrying;
    this.maxBatch = maxBatch;
    this.pauseNanos = pause.toNanos();
    this.ticker = ticker;
  }

  /**
   * Delivers {@code batch}, which must be mutable: before each retry, hits that follow it in
   * the log are taken from {@code more} (asked for at most the given number) and appended to
   * it. True once every hit of the batch so grown was applied or dead-lettered; false if it
   * gave up (shutting down), leaving some of them unapplied.
   */
  boolean deliver(List<Sequenced> batch, IntFunction<List<Sequenced>> more) {
    List<Sequenced> pending = new ArrayList<>(batch);
    int loneFailures = 0;
    for (int attempt = 1; ; attempt++) {
      Throwable failure;
      try {
        sink.apply(hits(pending), new LogPlace.InOrder(log, pending.get(pending.size() - 1).seq(), replaying));
        return true;
      } catch (RuntimeException | Error e) {
        failure = unlessFatal(e);
      }
      LOG.warn("batch of {} hits failed (attempt {})", pending.size(), attempt, failure);
      if (pending.size() > 1) {
        pending = oneByOne(pending);
        if (pending.isEmpty()) {
          return true;
        }
      }
      loneFailures = pending.size() == 1 ? loneFailures + 1 : 0;
      if (loneFailures >= SINGLE_HIT_ATTEMPTS && keep(pending.get(0), failure)) {
        return true;
      }
      if (!keepTrying.getAsBoolean() || !pause()) {
        return false;
      }
      List<Sequenced> next = more.apply(Math.max(0, maxBatch - pending.size()));
      if (!next.isEmpty()) {
        batch.addAll(next);
        pending.addAll(next);
        loneFailures = 0;
      }
    }
  }

  /**
   * Applies each hit alone. A hit that failed before a later hit went through is tried once
   * more (the store may just have come back) and, if it fails again, is poison and goes to
   * the dead letters. Returns the failed hits still undecided: those after the last hit that
   * went through (all of them if none did), in log order.
   */
  private List<Sequenced> oneByOne(List<Sequenced> batch) {
    Throwable[] failures = new Throwable[batch.size()];
    int lastApplied = -1;
    for (int i = 0; i < batch.size(); i++) {
      failures[i] = applyAlone(batch.get(i));
      if (failures[i] == null) {
        lastApplied = i;
      }
    }
    List<Sequenced> undecided = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      if (failures[i] == null) {
        continue;
      }
      if (i > lastApplied) {
        undecided.add(batch.get(i));
      } else {
        Throwable again = applyAlone(batch.get(i));
        if (again != null && !keep(batch.get(i), again)) {
          undecided.add(batch.get(i));
        }
      }
    }
    return undecided;
  }

  /** Applies one hit; returns why it failed, or null. */
  private Throwable applyAlone(Sequenced s) {
    try {
      sink.apply(List.of(s.hit()), new LogPlace.Alone());
      return null;
    } catch (RuntimeException | Error e) {
      return unlessFatal(e);
    }
  }

  /**
   * Returns what the sink threw, or rethrows it if it says nothing about the hits: running out
   * of memory (or another failure of the JVM itself, other than one thread's stack overflowing)
   * is the process's failure, not a refusal of the hit, and must not send it to the dead letters.
   */
  private static Throwable unlessFatal(Throwable e) {
    if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
      throw (VirtualMachineError) e;
    }
    return e;
  }

  /** Puts a hit aside; false if even that failed, so it must stay in the log. */
  private boolean keep(Sequenced s, Throwable error) {
    try {
      deadLetters.add(s.seq(), HitCodec.encode(s.hit()), error);
      return true;
    } catch (RuntimeException e) {
      LOG.error("cannot put log record {} aside; it will be retried", s.seq(), e);
      return false;
    }
  }

  private static List<Hit> hits(List<Sequenced> batch) {
    List<Hit> hits = new ArrayList<>(batch.size());
    batch.forEach(s -> hits.add(s.hit()));
    return hits;
  }

  /** Waits before the next attempt, until the pause is over or giving up is due; false if interrupted. */
  private boolean pause() {
    try {
      ticker.awaitUntil(ticker.nanoTime() + pauseNanos, () -> !keepTrying.getAsBoolean());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
