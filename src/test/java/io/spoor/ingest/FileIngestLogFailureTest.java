package io.spoor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Poison hits and outages: a hit that fails alone is put aside while the rest of
 * its batch is applied; a store that is down is retried without putting anything aside.
 */
@Timeout(60)
class FileIngestLogFailureTest extends FileIngestLogFixture {
  @Test
  void poisonHitGoesToTheDeadLettersWhileTheRestOfItsBatchIsApplied() throws Exception {
    FileIngestLog log = log();
    Sink sink = new Sink();
    sink.refuses = ids -> ids.contains("bad");
    List<CompletableFuture<Void>> acks = List.of(log.append(hit("a")), log.append(hit("bad")), log.append(hit("c")));
    log.start(sink);
    try {
      awaitAll(acks);
      // the poison hit waits out pauses if the writer handed it over before the hit after it
      CompletableFuture<Void> applied = log.awaitApplied();
      ticker.passWaitsUntil(applied::isDone);
      await(applied);

      assertEquals(List.of("a", "c"), sink.appliedIds());
      Map<String, Long> seqs = Map.of("a", 1L, "bad", 2L, "c", 3L);
      for (int i = 0; i < sink.calls.size(); i++) {
        List<String> ids = sink.calls.get(i);
        if (sink.places.get(i) instanceof LogPlace.InOrder inOrder) {
          assertEquals(new LogPlace.InOrder(FileIngestLog.LOG_NAME, seqs.get(ids.get(ids.size() - 1)), false),
              inOrder, "a batch in log order reaches through its last hit");
        } else {
          assertEquals(1, ids.size(), "only a hit on its own is applied out of log order");
        }
      }
      assertTrue(sink.places.contains(new LogPlace.Alone()), "the poison hit was tried on its own: " + sink.places);
      assertEquals(1, log.deadLettered());
      assertEquals(0, log.depth());
      List<String> lines = Files.readAllLines(dir.resolve("dead-letters.log"), StandardCharsets.UTF_8);
      assertEquals(1, lines.size(), lines.toString());
      String[] fields = lines.get(0).split("\t");
      assertEquals("2", fields[1], "the log position of the poison hit");
      assertEquals(hit("bad"), HitCodec.decode(Base64.getDecoder().decode(fields[fields.length - 1])));
    } finally {
      log.close();
    }
  }

  @Test
  void logWithDeadLettersStartsAgainWithoutReplayingWhatWasApplied() throws Exception {
    FileIngestLog first = log();
    Sink sink = new Sink();
    sink.refuses = ids -> ids.contains("bad");
    first.start(sink);
    awaitAll(List.of(first.append(hit("a")), first.append(hit("bad"))));
    // a lone hit failing with nothing after it is tried again after each pause, until taken for poison
    CompletableFuture<Void> applied = first.awaitApplied();
    ticker.passWaitsUntil(applied::isDone);
    assertEquals(1, first.deadLettered());
    closeWithin(first);

    FileIngestLog second = log();
    Sink recording = new Sink();
    second.start(recording);
    try {
      assertNull(await(second.append(hit("b"))));
      await(second.awaitApplied());
      assertEquals(List.of("b"), recording.appliedIds());
    } finally {
      second.close();
    }
  }

  @Test
  void recordThatCannotBeDecodedIsDeadLetteredOnceOnReplay() throws Exception {
    try (LogSegments segments = new LogSegments(dir, LARGE_SEGMENT)) {
      segments.recover(0);
      segments.append(List.of(HitCodec.encode(hit("a")), new byte[] {99, 1, 2, 3}));
    }

    FileIngestLog first = log();
    Sink sink = new Sink();
    first.start(sink);
    first.close();
    assertEquals(List.of("a"), sink.appliedIds());
    assertEquals(1, first.deadLettered());

    FileIngestLog second = log();
    Sink again = new Sink();
    second.start(again);
    second.close();
    assertEquals(List.of(), again.calls);
    assertEquals(0, second.deadLettered(), "the same record was put aside twice");
    assertEquals(1, Files.readAllLines(dir.resolve("dead-letters.log")).size());
  }

  @Test
  void hitThatCannotBeEncodedFailsAloneAndTheWriterKeepsGoing() throws Exception {
    FileIngestLog log = log();
    Sink sink = new Sink();
    CompletableFuture<Void> good = log.append(hit("good"));
    CompletableFuture<Void> broken = log.append(new EventApiHit(null, 1, 2, "e", Optional.empty(),
        Optional.empty(), Optional.empty(), List.of(), List.of(), "r"));
    CompletableFuture<Void> after = log.append(hit("after"));
    log.start(sink);
    try {
      assertNull(await(good));
      assertNull(await(after));
      assertInstanceOf(NullPointerException.class, failureOf(broken));
      await(log.awaitApplied());
      assertEquals(List.of("good", "after"), sink.appliedIds());
      assertEquals(0, log.depth());
      assertNull(await(log.append(hit("later"))));
    } finally {
      closeWithin(log);
    }
  }

  @Test
  void storeThatIsDownIsRetriedWithoutDeadLetteringAndHitsAreAppliedOnceItRecovers() throws Exception {
    FileIngestLog log = log();
    AtomicBoolean up = new AtomicBoolean();
    Sink sink = new Sink();
    sink.refuses = ids -> !up.get();
    List<CompletableFuture<Void>> acks = List.of(log.append(hit("h1")), log.append(hit("h2")), log.append(hit("h3")));
    log.start(sink);
    try {
      awaitAll(acks);
      CompletableFuture<Void> applied = log.awaitApplied();
      // several attempts, each trying the batch and then its hits alone
      ticker.passWaitsUntil(() -> sink.calls.size() >= 12);

      assertEquals(0, log.deadLettered());
      assertFalse(applied.isDone());
      assertEquals(3, log.depth());

      up.set(true);
      ticker.passWaitsUntil(applied::isDone);

      // a store coming back half way through a batch may take its hits out of order
      assertEquals(List.of("h1", "h2", "h3"), sink.appliedIds().stream().sorted().toList());
      assertEquals(0, log.deadLettered());
      assertFalse(Files.exists(dir.resolve("dead-letters.log")));
      assertEquals(0, log.depth());
    } finally {
      up.set(true);
      log.close();
    }
  }

  @Test
  void loneFailingHitIsRetriedTogetherWithHitsThatArriveLaterInsteadOfBeingDeadLettered() throws Exception {
    FileIngestLog log = log(10, 10, 100);
    AtomicBoolean up = new AtomicBoolean();
    Sink sink = new Sink();
    sink.refuses = ids -> !up.get();
    CompletableFuture<List<String>> triedAlone = sink.offered(ids -> ids.equals(List.of("h1")));
    CompletableFuture<List<String>> triedTogether = sink.offered(ids -> ids.containsAll(List.of("h1", "h2")));
    log.start(sink);
    try {
      assertNull(await(log.append(hit("h1"))));
      await(triedAlone);
      assertNull(await(log.append(hit("h2"))));
      ticker.passWaitsUntil(triedTogether::isDone);

      assertEquals(List.of("h1", "h2"), await(triedTogether));
      assertEquals(0, log.deadLettered());

      up.set(true);
      CompletableFuture<Void> applied = log.awaitApplied();
      ticker.passWaitsUntil(applied::isDone);
      assertEquals(List.of("h1", "h2"), sink.appliedIds().stream().sorted().toList());
      assertEquals(0, log.deadLettered());
    } finally {
      up.set(true);
      log.close();
    }
  }

  @Test
  void sinkErrorIsRetriedInsteadOfStoppingDelivery() throws Exception {
    FileIngestLog log = log();
    AtomicBoolean thrown = new AtomicBoolean();
    List<String> committed = new CopyOnWriteArrayList<>();
    log.start(new BatchSink() {
      @Override
      public void apply(List<Hit> hits, LogPlace place) {
        if (thrown.compareAndSet(false, true)) {
          throw new StackOverflowError("sink recursed too deep");
        }
        hits.forEach(h -> committed.add(h.id()));
      }

      @Override
      public long appliedThrough(String logName) {
        return 0;
      }

      @Override
      public long nextOffset(String topic, int partition) {
        return AppliedHits.NO_OFFSET;
      }
    });
    try {
      assertNull(await(log.append(hit("first"))));
      CompletableFuture<Void> applied = log.awaitApplied();
      ticker.passWaitsUntil(applied::isDone);
      assertNull(await(applied));
      assertNull(await(log.append(hit("next"))));
      await(log.awaitApplied());

      assertTrue(thrown.get());
      assertEquals(List.of("first", "next"), committed);
      assertEquals(0, log.deadLettered());
    } finally {
      log.close();
    }
  }
}
