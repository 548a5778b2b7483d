package io.spoor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.http.Param;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Memory: the backlog, the hits waiting for room and each batch are bounded in the bytes of
 * their hits, not only in hits; an error such as running out of memory stops the log (it is
 * no reason to put a hit aside) and is reported, so the process can be restarted.
 */
@Timeout(60)
class FileIngestLogMemoryTest extends FileIngestLogFixture {
  /** A hit of about 16 KB, the size of the largest URL a beacon can have. */
  static EventApiHit bigHit(String id) {
    List<Param> properties = IntStream.range(0, 100).mapToObj(i -> new Param("p" + i, "x".repeat(160))).toList();
    return new EventApiHit(id, 62515, 1_430_438_400_000L, "pe62515_signup", Optional.of(id + "@example.com"),
        Optional.empty(), Optional.empty(), properties, List.of(), "_a=62515&" + "x".repeat(2000));
  }

  private static final long BIG = HitSize.of(bigHit("a"));

  private FileIngestLog log(long maxBacklogBytes, long maxBatchBytes, Duration maxWait) {
    return log(new IngestLimits(1000, 1000, 1000, maxWait, Duration.ZERO, maxBacklogBytes, maxBatchBytes));
  }

  @Test
  void aBigHitIsEstimatedAtLeastAtTheCharactersItCarries() {
    assertTrue(BIG > 100 * 162 + 2000, "estimate " + BIG);
    assertEquals(BIG, HitSize.of(bigHit("b")), "the same content, the same estimate");
  }

  @Test
  void backlogFullInBytesRefusesHitsWellUnderItsBoundInHits() throws Exception {
    FileIngestLog log = log(4 * BIG, 1000 * BIG, Duration.ZERO);
    Sink sink = Sink.gated();
    log.start(sink);
    try {
      List<CompletableFuture<Void>> taken = new ArrayList<>();
      for (String id : List.of("a", "b", "c", "d")) {
        taken.add(log.append(bigHit(id)));
      }
      Throwable refused = failureOf(log.append(bigHit("e")));
      assertInstanceOf(IngestOverloadedException.class, refused);
      assertEquals(4, log.depth());
      assertEquals(4 * BIG, log.depthBytes());

      sink.release();
      awaitAll(taken);
      await(log.awaitApplied());
      assertEquals(List.of("a", "b", "c", "d"), sink.appliedIds());
      assertEquals(0, log.depthBytes(), "applied hits no longer count");
      assertNull(await(log.append(bigHit("f"))), "room again once applied");
    } finally {
      sink.release();
      closeWithin(log);
    }
  }

  @Test
  void aSingleHitLargerThanTheWholeBacklogIsStillTakenWhenNothingElseWaits() throws Exception {
    FileIngestLog log = log(BIG / 2, BIG / 2, Duration.ZERO);
    Sink sink = new Sink();
    log.start(sink);
    try {
      assertNull(await(log.append(bigHit("a"))));
      await(log.awaitApplied());
      assertEquals(List.of("a"), sink.appliedIds());
    } finally {
      closeWithin(log);
    }
  }

  @Test
  void hitsWaitingForRoomAreBoundedInBytes() throws Exception {
    // the backlog holds two big hits, the waiting line a quarter of that: half a big hit
    FileIngestLog log = log(2 * BIG, 1000 * BIG, Duration.ofSeconds(WAIT_SECONDS * 3));
    Sink sink = Sink.gated();
    log.start(sink);
    try {
      CompletableFuture<Void> a = log.append(bigHit("a"));
      CompletableFuture<Void> b = log.append(bigHit("b"));
      CompletableFuture<Void> waits = log.append(bigHit("c"));
      assertEquals(BIG, log.waitingBytes(), "one hit may always wait");
      assertInstanceOf(IngestOverloadedException.class, failureOf(log.append(bigHit("d"))),
          "no room left to wait in");
      assertFalse(waits.isDone());

      sink.release();
      awaitAll(List.of(a, b, waits));
      await(log.awaitApplied());
      assertEquals(List.of("a", "b", "c"), sink.appliedIds());
      assertEquals(0, log.waitingBytes());
    } finally {
      sink.release();
      closeWithin(log);
    }
  }

  @Test
  void batchesAppliedAreBoundedInBytes() throws Exception {
    FileIngestLog log = log(1000 * BIG, 2 * BIG + BIG / 2, Duration.ZERO);
    Sink sink = Sink.gated();
    log.start(sink);
    try {
      CompletableFuture<Void> first = log.append(bigHit("h0"));
      sink.entered.await(WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
      List<String> ids = IntStream.range(1, 7).mapToObj(i -> "h" + i).toList();
      List<CompletableFuture<Void>> acks = new ArrayList<>();
      ids.forEach(id -> acks.add(log.append(bigHit(id))));
      awaitAll(acks); // all six written while the applier is held: they could go in one batch
      sink.release();
      assertNull(await(first));
      await(log.awaitApplied());
      assertEquals(List.of(List.of("h0"), List.of("h1", "h2"), List.of("h3", "h4"), List.of("h5", "h6")),
          sink.calls);
    } finally {
      sink.release();
      closeWithin(log);
    }
  }

  @Test
  void groupsWrittenAreBoundedInBytes() {
    LogIntake intake = new LogIntake(new IngestLimits(100, 100, 100, Duration.ZERO, Duration.ZERO, 1000 * BIG,
        2 * BIG + BIG / 2), new Backlog(100, 1000 * BIG), ticker);
    for (int i = 0; i < 5; i++) {
      intake.append(bigHit("h" + i));
    }
    List<LogIntake.Pending> group = new ArrayList<>();
    intake.drainTo(group, 100, 2 * BIG + BIG / 2);
    assertEquals(2, group.size());
  }

  @Test
  void anErrorInTheApplierStopsTheLogInsteadOfPuttingTheHitAside() throws Exception {
    FileIngestLog log = log();
    OutOfMemoryError injected = new OutOfMemoryError("injected");
    BatchSink failing = new BatchSink() {
      @Override
      public void apply(List<Hit> hits, LogPlace place) {
        throw injected;
      }

      @Override
      public long appliedThrough(String name) {
        return 0;
      }

      @Override
      public long nextOffset(String topic, int partition) {
        return AppliedHits.NO_OFFSET;
      }
    };
    log.start(failing);
    try {
      assertNull(await(log.append(hit("a"))), "acknowledged: it is in the log");
      assertSame(injected, await(log.failure()));
      assertInstanceOf(IngestOverloadedException.class, failureOf(log.append(hit("b"))),
          "a failed log takes no more hits");
      assertEquals(0, log.deadLettered(), "running out of memory says nothing about the hit");
    } finally {
      closeWithin(log);
    }

    FileIngestLog restarted = log();
    Sink sink = new Sink();
    restarted.start(sink);
    try {
      await(restarted.awaitApplied());
      assertEquals(List.of("a"), sink.appliedIds(), "the hit is applied on the next start");
      assertFalse(restarted.failure().isDone());
    } finally {
      closeWithin(restarted);
    }
  }
}
