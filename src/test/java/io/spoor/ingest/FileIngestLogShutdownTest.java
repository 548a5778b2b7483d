package io.spoor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Backpressure and shutdown: appends past the backlog bound or the queue capacity wait for
 * room up to the limit's wait (refused at once without one), and close applies what was
 * acknowledged before it returns.
 */
@Timeout(60)
class FileIngestLogShutdownTest extends FileIngestLogFixture {
  @Test
  void appendsBeyondTheBacklogBoundAreRefusedUntilTheApplierCatchesUp() throws Exception {
    FileIngestLog log = log(100, 100, 2);
    Sink sink = Sink.gated();
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
  void aHitPastTheBacklogBoundWaitsForRoomAndIsAcknowledgedOnceTheApplierCatchesUp() throws Exception {
    FileIngestLog log = log(100, 100, 2, Duration.ofSeconds(WAIT_SECONDS));
    Sink sink = Sink.gated();
    log.start(sink);
    try {
      assertNull(await(log.append(hit("h1"))));
      assertTrue(sink.entered.await(WAIT_SECONDS, TimeUnit.SECONDS), "the sink was never called");
      assertNull(await(log.append(hit("h2"))));

      CompletableFuture<Void> waiting = log.append(hit("h3"));
      assertFalse(waiting.isDone(), "a hit with no room must wait, not be answered");
      assertTrue(log.waitingBytes() > 0, "the hit waits for room");

      sink.release();
      assertNull(await(waiting));
      await(log.awaitApplied());
      assertEquals(List.of("h1", "h2", "h3"), sink.appliedIds());
    } finally {
      sink.release();
      log.close();
    }
  }

  @Test
  void aHitThatFindsNoRoomWithinTheWaitIsRefused() throws Exception {
    Duration maxWait = Duration.ofSeconds(30);
    FileIngestLog log = log(100, 100, 1, maxWait);
    Sink sink = Sink.gated();
    log.start(sink);
    try {
      assertNull(await(log.append(hit("h1"))));
      assertTrue(sink.entered.await(WAIT_SECONDS, TimeUnit.SECONDS), "the sink was never called");

      CompletableFuture<Void> refused = log.append(hit("h2"));
      assertFalse(refused.isDone(), "the hit waits for room");
      ticker.advance(maxWait.plusNanos(1));

      assertInstanceOf(IngestOverloadedException.class, failureOf(refused));
      assertEquals(1, log.depth(), "a refused hit is not counted");
      sink.release();
      await(log.awaitApplied());
      assertEquals(List.of("h1"), sink.appliedIds());
    } finally {
      sink.release();
      log.close();
    }
  }

  @Test
  void closingRefusesTheHitsStillWaitingForRoom() throws Exception {
    FileIngestLog log = log(100, 100, 1, Duration.ofSeconds(WAIT_SECONDS));
    Sink sink = Sink.gated();
    log.start(sink);
    assertNull(await(log.append(hit("h1"))));
    assertTrue(sink.entered.await(WAIT_SECONDS, TimeUnit.SECONDS), "the sink was never called");
    CompletableFuture<Void> waiting = log.append(hit("h2"));

    Thread closer = new Thread(log::close);
    closer.start();
    assertInstanceOf(IngestOverloadedException.class, failureOf(waiting));
    sink.release();
    closer.join();

    assertEquals(List.of("h1"), sink.appliedIds());
  }

  @Test
  void appendsBeyondTheQueueCapacityAreRefusedAtOnce() throws Exception {
    FileIngestLog log = log(1, 10, 100);
    CompletableFuture<Void> queued = log.append(hit("a"));

    CompletableFuture<Void> refused = log.append(hit("b"));

    assertTrue(refused.isCompletedExceptionally());
    assertInstanceOf(IngestOverloadedException.class, failureOf(refused));
    assertEquals(1, log.depth());
    Sink sink = new Sink();
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
  void hitsAppendedBeforeStartAreCountedAndTheCountReturnsToZeroOnceApplied() throws Exception {
    FileIngestLog log = log(10, 10, 3);
    Sink sink = new Sink();
    CompletableFuture<Void> a = log.append(hit("a"));
    CompletableFuture<Void> b = log.append(hit("b"));
    assertEquals(2, log.depth());
    assertFalse(a.isDone());

    log.start(sink);
    try {
      awaitAll(List.of(a, b));
      await(log.awaitApplied());
      assertEquals(0, log.depth());
      assertEquals(List.of("a", "b"), sink.appliedIds());

      sink.gate = new CountDownLatch(1);
      List<CompletableFuture<Void>> more = List.of(log.append(hit("c")), log.append(hit("d")), log.append(hit("e")));
      CompletableFuture<Void> overBound = log.append(hit("f"));
      assertInstanceOf(IngestOverloadedException.class, failureOf(overBound));
      sink.release();
      awaitAll(more);
    } finally {
      sink.release();
      log.close();
    }
  }

  @Test
  void closeAppliesEverythingAcknowledgedBeforeReturningAndLaterAppendsAreRefused() throws Exception {
    FileIngestLog log = log(10, 1, 100);
    Sink sink = Sink.gated();
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
    FileIngestLog log = log();
    log.start(new Sink());
    log.close();

    CompletableFuture<Void> late = log.append(hit("late"));

    assertTrue(late.isCompletedExceptionally());
    assertInstanceOf(IngestOverloadedException.class, failureOf(late));
    assertEquals(0, log.depth());
  }

  @Test
  void closeWithoutStartReturnsAndRefusesTheHitsItNeverWrote() throws Exception {
    FileIngestLog log = log();
    CompletableFuture<Void> never = log.append(hit("never"));

    closeWithin(log);

    assertInstanceOf(IngestOverloadedException.class, failureOf(never));
    assertEquals(0, log.depth());
    closeWithin(log);
    assertThrows(IllegalStateException.class, () -> log.start(new Sink()));

    FileIngestLog reopened = log();
    Sink sink = new Sink();
    reopened.start(sink);
    reopened.close();
    assertEquals(List.of(), sink.calls, "a hit never acknowledged was written");
  }

  @Test
  void awaitAppliedFailsWhenCloseLeavesAcknowledgedHitsUnapplied() throws Exception {
    FileIngestLog log = log();
    Sink down = Sink.down();
    log.start(down);
    assertNull(await(log.append(hit("a"))));
    CompletableFuture<Void> applied = log.awaitApplied();

    closeWithin(log);

    assertInstanceOf(IngestOverloadedException.class, failureOf(applied));
    assertInstanceOf(IngestOverloadedException.class, failureOf(log.awaitApplied()));
  }

  @Test
  void startingTwiceIsRefused() {
    FileIngestLog log = log();
    log.start(new Sink());
    try {
      assertThrows(IllegalStateException.class, () -> log.start(new Sink()));
    } finally {
      log.close();
    }
  }
}
