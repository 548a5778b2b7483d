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
  void startingTwiceIsRefused() {
    FileIngestLog log = log();
    log.start(new Sink());
    try {
      assertThrows(IllegalStateException.class, () -> log.start(new Sink()));
    } finally {
      log.close();
    }
  }

  @Test
  void closeDuringAnOutageDoesNotWaitOutThePauseBeforeTheNextAttempt() throws Exception {
    FileIngestLog log = new FileIngestLog(dir, new IngestLimits(10, 10, 100, Duration.ZERO), LARGE_SEGMENT,
        Duration.ofHours(1), FileIngestLog.SEGMENT_MAX_AGE, java.time.Clock.systemUTC(), ticker);
    Sink down = Sink.down();
    log.start(down);
    assertNull(await(log.append(hit("a"))));
    long pauseEnds = ticker.nextDeadline(Duration.ofSeconds(WAIT_SECONDS)).orElseThrow();
    assertEquals(Duration.ofHours(1).toNanos(), pauseEnds - ticker.nanoTime(), "the applier pauses before retrying");

    closeWithin(log);

    assertEquals(1, log.depth(), "the hit stays in the log for the next start");
  }
}
