package io.spoor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Gathering: once a batch has held at least a tenth of {@code maxBatch}, the applier lets the
 * hits that follow gather until the apply interval is over or a full batch waits; after a
 * smaller batch it applies at once. Acknowledgements never wait for it. The log's time stands
 * still unless a test moves it on.
 */
@Timeout(60)
class FileIngestLogGatheringTest extends FileIngestLogFixture {
  private static final Duration INTERVAL = Duration.ofSeconds(2);

  @Test
  void afterABusyBatchTheNextHitsGatherForTheIntervalIntoOneBatch() throws Exception {
    FileIngestLog log = gatheringLog(20, INTERVAL);
    Sink sink = Sink.gated();
    log.start(sink);
    try {
      long busyBatchAt = becomeBusy(log, sink);

      awaitAll(appendAll(log, "c", 5));
      CompletableFuture<List<String>> gathered = sink.offered(ids -> ids.contains("c0"));
      long deadline = ticker.nextDeadline(Duration.ofSeconds(WAIT_SECONDS)).orElseThrow();

      assertEquals(busyBatchAt + INTERVAL.toNanos(), deadline, "the applier gathers until the interval is over");
      assertFalse(gathered.isDone(), "the hits were applied before the interval was over");
      ticker.advance(INTERVAL);
      assertEquals(List.of("c0", "c1", "c2", "c3", "c4"), await(gathered),
          "the hits that gathered are applied together");
      await(log.awaitApplied());
    } finally {
      sink.release();
      log.close();
    }
  }

  @Test
  void aFullBatchWaitingEndsTheGatheringAtOnce() throws Exception {
    FileIngestLog log = gatheringLog(20, Duration.ofSeconds(30));
    Sink sink = Sink.gated();
    log.start(sink);
    try {
      long busyBatchAt = becomeBusy(log, sink);

      awaitAll(appendAll(log, "c", 20));
      await(log.awaitApplied());

      assertEquals(busyBatchAt, ticker.nanoTime(), "time never moved on");
      assertEquals(20, sink.calls.get(sink.calls.size() - 1).size());
    } finally {
      sink.release();
      log.close();
    }
  }

  @Test
  void afterASmallBatchTheNextHitIsAppliedWithoutWaitingForTheInterval() throws Exception {
    FileIngestLog log = gatheringLog(100, Duration.ofSeconds(30));
    Sink sink = new Sink();
    log.start(sink);
    try {
      await(log.append(hit("a0")));
      await(log.awaitApplied());

      await(log.append(hit("b0")));
      await(log.awaitApplied());

      assertEquals(0, ticker.nanoTime(), "time never moved on");
      assertEquals(List.of(List.of("a0"), List.of("b0")), sink.applied);
    } finally {
      log.close();
    }
  }

  /**
   * Holds the first batch at the sink while five hits queue behind it, then lets them through
   * as one batch of a quarter of {@code maxBatch} (20): the applier is busy from then on.
   * Returns the ticker's time when that batch reached the sink.
   */
  private long becomeBusy(FileIngestLog log, Sink sink) throws Exception {
    CompletableFuture<Void> first = log.append(hit("a0"));
    assertTrue(sink.entered.await(WAIT_SECONDS, TimeUnit.SECONDS), "the sink was never called");
    CompletableFuture<Long> busyAt = sink.offered(ids -> ids.contains("b0")).thenApply(ids -> ticker.nanoTime());
    awaitAll(appendAll(log, "b", 5));
    sink.release();
    await(first);
    long at = await(busyAt);
    assertEquals(List.of("b0", "b1", "b2", "b3", "b4"), sink.calls.get(1));
    return at;
  }

  private static List<CompletableFuture<Void>> appendAll(FileIngestLog log, String prefix, int count) {
    List<CompletableFuture<Void>> acks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      acks.add(log.append(hit(prefix + i)));
    }
    return acks;
  }
}
