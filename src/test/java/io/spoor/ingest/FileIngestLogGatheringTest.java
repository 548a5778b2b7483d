package io.spoor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * smaller batch it applies at once. Acknowledgements never wait for it.
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
      CompletableFuture<Long> busyBatchAt = becomeBusy(log, sink);

      List<CompletableFuture<Void>> acks = appendAll(log, "c", 5);
      awaitAll(acks);
      long acknowledgedAt = System.nanoTime();
      CompletableFuture<Long> gatheredAt = offeredAt(sink, "c0");
      await(log.awaitApplied());

      assertTrue(acknowledgedAt - await(busyBatchAt) < INTERVAL.toNanos() / 2,
          "the hits were acknowledged while the applier was gathering");
      long waited = await(gatheredAt) - await(busyBatchAt);
      assertTrue(waited >= INTERVAL.toNanos() * 9 / 10, "the next batch came after " + waited / 1_000_000 + " ms");
      assertEquals(List.of("c0", "c1", "c2", "c3", "c4"), sink.calls.get(sink.calls.size() - 1),
          "the hits that gathered are applied together");
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
      CompletableFuture<Long> busyBatchAt = becomeBusy(log, sink);
      CompletableFuture<Long> fullBatchAt = offeredAt(sink, "c0");

      awaitAll(appendAll(log, "c", 20));
      await(log.awaitApplied());

      long waited = await(fullBatchAt) - await(busyBatchAt);
      assertTrue(waited < TimeUnit.SECONDS.toNanos(10), "the full batch waited " + waited / 1_000_000 + " ms");
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

      long appendedAt = System.nanoTime();
      CompletableFuture<Long> appliedAt = offeredAt(sink, "b0");
      await(log.append(hit("b0")));
      await(log.awaitApplied());

      long waited = await(appliedAt) - appendedAt;
      assertTrue(waited < TimeUnit.SECONDS.toNanos(10), "a lone hit waited " + waited / 1_000_000 + " ms");
      assertEquals(List.of(List.of("a0"), List.of("b0")), sink.applied);
    } finally {
      log.close();
    }
  }

  /**
   * Holds the first batch at the sink while five hits queue behind it, then lets them through
   * as one batch of a quarter of {@code maxBatch} (20): the applier is busy from then on.
   * Completes with the time that batch reached the sink.
   */
  private static CompletableFuture<Long> becomeBusy(FileIngestLog log, Sink sink) throws Exception {
    CompletableFuture<Void> first = log.append(hit("a0"));
    assertTrue(sink.entered.await(WAIT_SECONDS, TimeUnit.SECONDS), "the sink was never called");
    CompletableFuture<Long> busyAt = offeredAt(sink, "b0");
    awaitAll(appendAll(log, "b", 5));
    sink.release();
    await(first);
    await(busyAt);
    assertEquals(List.of("b0", "b1", "b2", "b3", "b4"), sink.calls.get(1));
    return busyAt;
  }

  private static List<CompletableFuture<Void>> appendAll(FileIngestLog log, String prefix, int count) {
    List<CompletableFuture<Void>> acks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      acks.add(log.append(hit(prefix + i)));
    }
    return acks;
  }

  /** Completes with the time the sink is offered a batch holding {@code id}. */
  private static CompletableFuture<Long> offeredAt(Sink sink, String id) {
    return sink.offered(ids -> ids.contains(id)).thenApply(ids -> System.nanoTime());
  }
}
