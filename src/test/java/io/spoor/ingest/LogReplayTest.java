package io.spoor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The replay on start reads and decodes the log as it applies it: however long the backlog,
 * it holds one batch of hits at a time, bounded in hits and in bytes as the live applier's.
 */
@Timeout(60)
class LogReplayTest extends FileIngestLogFixture {
  /** Small enough that a thousand hits take a few dozen segments. */
  private static final long SMALL_SEGMENT = 4096;

  /** Writes the hits as log records (none applied), as a crash before applying them leaves them. */
  private void written(List<? extends Hit> hits, long segmentBytes) throws Exception {
    try (LogSegments segments = new LogSegments(dir, segmentBytes)) {
      segments.recover(0);
      for (Hit hit : hits) {
        segments.append(List.of(HitCodec.encode(hit)));
      }
    }
  }

  private static List<String> ids(int count) {
    return IntStream.range(0, count).mapToObj(i -> String.format("h%04d", i)).toList();
  }

  @Test
  void aReplayOfManyRecordsNeverHoldsMoreThanOneBatchOfDecodedHits() throws Exception {
    List<String> ids = ids(1000);
    written(ids.stream().map(IngestLogTesting::hit).toList(), SMALL_SEGMENT);
    AtomicInteger decoded = new AtomicInteger();
    List<Integer> heldAtEachBatch = new ArrayList<>();
    AtomicInteger applied = new AtomicInteger();
    Sink sink = new Sink();
    sink.onOffer = hits -> heldAtEachBatch.add(decoded.get() - applied.getAndAdd(hits.size()));
    try (LogSegments segments = new LogSegments(dir, SMALL_SEGMENT)) {
      ApplyProgress progress = new ApplyProgress(new AppliedMark(dir.resolve("applied")), segments,
          new Backlog(10_000, Long.MAX_VALUE), () -> { });
      progress.resume(0);
      DeadLetters deadLetters = new DeadLetters(dir.resolve("dead-letters.log"), Clock.systemUTC());
      LogReplay replay = new LogReplay(segments, deadLetters, progress, record -> {
        decoded.incrementAndGet();
        return HitCodec.decode(record);
      });

      assertTrue(replay.run(new Applier(sink, FileIngestLog.LOG_NAME, true, deadLetters, () -> true, 10, PAUSE,
          ticker), 10, IngestLimits.DEFAULT_BATCH_BYTES));
      assertEquals(1000, progress.appliedSeq());
    }

    assertEquals(ids, sink.appliedIds(), "not every hit was replayed, in log order");
    assertEquals(100, heldAtEachBatch.size(), "batches: " + heldAtEachBatch);
    assertTrue(heldAtEachBatch.stream().allMatch(held -> held <= 10),
        "hits decoded and not yet applied when each batch was applied: " + heldAtEachBatch);
  }

  @Test
  void whileReplayingTheBacklogCountsEveryRecordLeftButTheBytesOfTheBatchHeldOnly() throws Exception {
    List<String> ids = ids(100);
    written(ids.stream().map(IngestLogTesting::hit).toList(), LARGE_SEGMENT);
    long size = HitSize.of(hit(ids.get(0)));
    List<List<Long>> depthAtEachBatch = new CopyOnWriteArrayList<>();
    Sink sink = new Sink();
    FileIngestLog log = log(100, 10, 1000);
    sink.onOffer = hits -> depthAtEachBatch.add(List.of(hits.size() * size, (long) log.depth(), log.depthBytes()));
    log.start(sink);
    closeWithin(log);

    assertEquals(ids, sink.appliedIds());
    List<List<Long>> expected = IntStream.range(0, 10)
        .mapToObj(batch -> List.of(10 * size, 100L - 10L * batch, 10 * size)).toList();
    assertEquals(expected, depthAtEachBatch, "[batch bytes, depth, depth bytes] as each batch was applied");
    assertEquals(0, log.depthBytes());
  }

  @Test
  void aReplayedBatchIsBoundedInBytesAsALiveBatchIs() throws Exception {
    List<EventApiHit> big = IntStream.range(1, 7).mapToObj(i -> FileIngestLogMemoryTest.bigHit("h" + i)).toList();
    long bigSize = HitSize.of(big.get(0));
    written(big, LARGE_SEGMENT);
    FileIngestLog log = log(new IngestLimits(1000, 1000, 1000, Duration.ZERO, Duration.ZERO, 1000 * bigSize,
        2 * bigSize + bigSize / 2));
    Sink sink = new Sink();
    log.start(sink);
    closeWithin(log);

    assertEquals(List.of(List.of("h1", "h2"), List.of("h3", "h4"), List.of("h5", "h6")), sink.calls);
  }

  @Test
  void aLoneReplayedHitLargerThanTheBatchBytesIsAppliedAlone() throws Exception {
    EventApiHit big = FileIngestLogMemoryTest.bigHit("big");
    written(List.of(hit("a"), big, hit("b")), LARGE_SEGMENT);
    FileIngestLog log = log(new IngestLimits(1000, 1000, 1000, Duration.ZERO, Duration.ZERO, 1000 * HitSize.of(big),
        HitSize.of(big) / 2));
    Sink sink = new Sink();
    log.start(sink);
    closeWithin(log);

    assertEquals(List.of(List.of("a"), List.of("big"), List.of("b")), sink.calls);
  }

  @Test
  void anUndecodableRecordInAReplayClosedMidwayIsDeadLetteredOnceOverBothStarts() throws Exception {
    try (LogSegments segments = new LogSegments(dir, LARGE_SEGMENT)) {
      segments.recover(0);
      segments.append(List.of(HitCodec.encode(hit("a")), new byte[] {99, 1, 2, 3}, HitCodec.encode(hit("b"))));
    }
    FileIngestLog first = log();
    Sink down = Sink.down();
    CompletableFuture<Void> started = CompletableFuture.runAsync(() -> first.start(down));
    assertTrue(down.called.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS), "the replay never reached the sink");
    closeWithin(first);
    await(started);

    FileIngestLog second = log();
    Sink recording = new Sink();
    second.start(recording);
    closeWithin(second);

    assertEquals(List.of("a", "b"), recording.appliedIds());
    assertEquals(1, first.deadLettered() + second.deadLettered());
    assertEquals(1, Files.readAllLines(dir.resolve("dead-letters.log")).size(), "the record was put aside twice");

    FileIngestLog third = log();
    Sink again = new Sink();
    third.start(again);
    closeWithin(third);
    assertEquals(List.of(), again.calls, "hits were replayed twice");
    assertEquals(0, third.deadLettered());
  }
}
