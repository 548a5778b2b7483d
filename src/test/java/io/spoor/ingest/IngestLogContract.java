package io.spoor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link IngestLog} does: an acknowledged hit is applied once, the hits of one sender
 * in their order; a log with no room refuses at once with {@link IngestOverloadedException};
 * close applies what was acknowledged and refuses what comes after; a log opened again on the
 * same storage replays what was acknowledged and not applied, and nothing else. An
 * implementation's test only says how to open a log on its storage.
 */
@Timeout(60)
abstract class IngestLogContract extends IngestLogTesting {
  /**
   * A log with these bounds, not yet started, on the storage of the test: a log opened again in
   * the same test finds what the ones before it left there.
   */
  abstract IngestLog open(IngestLimits limits);

  /** Whether the log tells the sink which batches it replays after a restart ({@link LogPlace.InOrder#replayed}). */
  boolean marksReplays() {
    return true;
  }

  /** What the sinks of one test have stored as partitions' offsets, as one store would. */
  private final Map<String, Long> storedOffsets = new ConcurrentHashMap<>();

  /** A sink of this test's store. */
  Sink sink() {
    return new Sink(storedOffsets);
  }

  /** A log that refuses at once what it has no room for. */
  IngestLog log(int capacity, int maxBatch, long maxBacklog) {
    return open(new IngestLimits(capacity, maxBatch, maxBacklog, Duration.ZERO));
  }

  IngestLog log() {
    return log(100, 100, 1000);
  }

  @Test
  void manyHitsFromSeveralThreadsAreAllAppliedOnceEach() throws Exception {
    IngestLog log = log(1000, 50, 100_000);
    Sink sink = sink();
    log.start(sink);
    try {
      List<CompletableFuture<Void>> acks = Collections.synchronizedList(new ArrayList<>());
      List<Thread> senders = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        senders.add(new Thread(() -> {
          for (int i = 0; i < 250; i++) {
            CompletableFuture<Void> ack = log.append(hit("t" + thread + "-" + i));
            acks.add(ack);
            ack.join();
          }
        }));
      }
      senders.forEach(Thread::start);
      for (Thread sender : senders) {
        sender.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
      }
      awaitAll(new ArrayList<>(acks));
      await(log.awaitApplied());

      List<String> applied = sink.appliedIds();
      assertEquals(1000, applied.size());
      assertEquals(1000, applied.stream().distinct().count());
      for (int t = 0; t < 4; t++) {
        String prefix = "t" + t + "-";
        List<String> ofThread = applied.stream().filter(id -> id.startsWith(prefix)).toList();
        assertEquals(250, ofThread.size());
        for (int i = 0; i < 250; i++) {
          assertEquals(prefix + i, ofThread.get(i), "hits of one sender are applied in their order");
        }
      }
      assertEquals(0, log.depth());
    } finally {
      log.close();
    }
  }

  @Test
  void awaitAppliedCompletesOnlyAfterTheSinkReturnedForEverythingAcknowledgedBefore() throws Exception {
    IngestLog log = log();
    Sink sink = sink().gatedUntilReleased();
    log.start(sink);
    try {
      CompletableFuture<Void> first = log.append(hit("h1"));
      assertTrue(sink.entered.await(WAIT_SECONDS, TimeUnit.SECONDS), "the sink was never called");
      assertNull(await(first));
      assertNull(await(log.append(hit("h2"))));

      CompletableFuture<Void> applied = log.awaitApplied();
      CompletableFuture<List<String>> appliedWhenCompleted = applied.thenApply(v -> sink.appliedIds());

      assertFalse(applied.isDone(), "completed while the sink still held h1");
      sink.release();
      assertEquals(List.of("h1", "h2"), await(appliedWhenCompleted));
    } finally {
      sink.release();
      log.close();
    }
  }

  @Test
  void awaitAppliedWithNothingAcknowledgedCompletesAtOnce() throws Exception {
    IngestLog log = log();
    log.start(sink());
    try {
      assertTrue(log.awaitApplied().isDone());
    } finally {
      log.close();
    }
  }

  @Test
  void appendsBeyondTheBacklogBoundAreRefusedUntilTheApplierCatchesUp() throws Exception {
    IngestLog log = log(100, 100, 2);
    Sink sink = sink().gatedUntilReleased();
    log.start(sink);
    try {
      CompletableFuture<Void> h1 = log.append(hit("h1"));
      assertTrue(sink.entered.await(WAIT_SECONDS, TimeUnit.SECONDS), "the sink was never called");
      assertNull(await(h1));
      assertNull(await(log.append(hit("h2"))));
      assertEquals(2, log.depth());

      CompletableFuture<Void> refused = log.append(hit("h3"));

      assertTrue(refused.isCompletedExceptionally(), "a full backlog must answer at once");
      assertInstanceOf(IngestOverloadedException.class, failureOf(refused));
      assertEquals(2, log.depth());

      sink.release();
      await(log.awaitApplied());
      assertEquals(0, log.depth());
      assertNull(await(log.append(hit("h4"))));
      await(log.awaitApplied());
      assertEquals(List.of("h1", "h2", "h4"), sink.appliedIds());
    } finally {
      sink.release();
      log.close();
    }
  }

  @Test
  void appendsBeyondTheQueueCapacityAreRefusedAtOnce() throws Exception {
    IngestLog log = log(1, 10, 100);
    CompletableFuture<Void> queued = log.append(hit("a"));

    CompletableFuture<Void> refused = log.append(hit("b"));

    assertTrue(refused.isCompletedExceptionally());
    assertInstanceOf(IngestOverloadedException.class, failureOf(refused));
    assertEquals(1, log.depth());
    Sink sink = sink();
    log.start(sink);
    try {
      assertNull(await(queued));
      await(log.awaitApplied());
      assertEquals(List.of("a"), sink.appliedIds());
    } finally {
      log.close();
    }
  }

  @Test
  void closeAppliesEverythingAcknowledgedBeforeReturningAndLaterAppendsAreRefused() throws Exception {
    IngestLog log = log(10, 1, 100);
    Sink sink = sink().gatedUntilReleased();
    log.start(sink);
    CountDownLatch closed = new CountDownLatch(1);
    List<String> appliedWhenCloseReturned = new CopyOnWriteArrayList<>();
    Thread closer = new Thread(() -> {
      log.close();
      appliedWhenCloseReturned.addAll(sink.appliedIds());
      closed.countDown();
    }, "closer");
    try {
      CompletableFuture<Void> h1 = log.append(hit("h1"));
      assertTrue(sink.entered.await(WAIT_SECONDS, TimeUnit.SECONDS), "the sink was never called");
      awaitAll(List.of(h1, log.append(hit("h2")), log.append(hit("h3"))));

      closer.start();
      while (closed.getCount() > 0 && closer.getState() != Thread.State.WAITING
          && closer.getState() != Thread.State.TIMED_WAITING) {
        Thread.onSpinWait();
      }
      assertEquals(1, closed.getCount(), "close returned while acknowledged hits were unapplied");

      CompletableFuture<Void> late = log.append(hit("late"));
      assertTrue(late.isCompletedExceptionally(), "an append after close must be refused at once");
      assertInstanceOf(IngestOverloadedException.class, failureOf(late));

      sink.release();
      assertTrue(closed.await(WAIT_SECONDS, TimeUnit.SECONDS), "close never returned");
      assertEquals(List.of("h1", "h2", "h3"), appliedWhenCloseReturned);
      assertEquals(0, log.depth());
    } finally {
      sink.release();
      log.close();
    }
  }

  @Test
  void appendAfterCloseIsRefused() throws Exception {
    IngestLog log = log();
    log.start(sink());
    log.close();

    CompletableFuture<Void> late = log.append(hit("late"));

    assertTrue(late.isCompletedExceptionally());
    assertInstanceOf(IngestOverloadedException.class, failureOf(late));
    assertEquals(0, log.depth());
  }

  @Test
  void awaitAppliedFailsWhenCloseLeavesAcknowledgedHitsUnapplied() throws Exception {
    IngestLog log = log();
    Sink down = sink().refusingAll();
    log.start(down);
    assertNull(await(log.append(hit("a"))));
    CompletableFuture<Void> applied = log.awaitApplied();

    closeWithin(log);

    assertInstanceOf(IngestOverloadedException.class, failureOf(applied));
    assertInstanceOf(IngestOverloadedException.class, failureOf(log.awaitApplied()));
  }

  @Test
  void restartReplaysHitsWrittenButNotAppliedExactlyOnceBeforeNewHits() throws Exception {
    IngestLog first = log();
    Sink down = sink().refusingAll();
    first.start(down);
    awaitAll(List.of(first.append(hit("a")), first.append(hit("b")), first.append(hit("c"))));
    assertTrue(down.called.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS), "the sink was never called");
    closeWithin(first);
    assertEquals(List.of(), down.applied);

    IngestLog second = log();
    Sink recording = sink();
    CompletableFuture<Void> late = second.append(hit("late"));
    assertEquals(1, second.depth());
    second.start(recording);
    try {
      // the late hit may already follow by now: the writer and applier run once start returns
      List<String> atStart = recording.appliedIds();
      assertTrue(atStart.size() >= 3 && atStart.subList(0, 3).equals(List.of("a", "b", "c")),
          "replayed during start, before any new hit: " + atStart);
      assertNull(await(late));
      await(second.awaitApplied());
      assertEquals(List.of("a", "b", "c", "late"), recording.appliedIds());
      if (marksReplays()) {
        assertEquals(List.of(true, false), recording.places.stream()
            .map(p -> ((LogPlace.InOrder) p).replayed()).toList(), "replayed hits are applied as replayed");
      }
      assertEquals(0, second.depth());
      assertEquals(0, second.deadLettered());
    } finally {
      second.close();
    }

    IngestLog third = log();
    Sink again = sink();
    third.start(again);
    third.close();
    assertEquals(List.of(), again.calls, "applied hits were replayed");
  }

  @Test
  void restartDoesNotReplayHitsAlreadyApplied() throws Exception {
    IngestLog first = log();
    Sink sink = sink();
    startAndApply(first, sink, "a", "b");
    sink.refuses = ids -> true;
    awaitAll(List.of(first.append(hit("c")), first.append(hit("d"))));
    closeWithin(first);
    assertEquals(List.of("a", "b"), sink.appliedIds());

    IngestLog second = log();
    Sink recording = sink();
    second.start(recording);
    second.close();

    assertEquals(List.of("c", "d"), recording.appliedIds());
  }
}
