package io.spoor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class FileIngestLogTest {
  private static final long WAIT_SECONDS = 10;
  private static final long LARGE_SEGMENT = 1 << 20;
  private static final Duration SHORT_PAUSE = Duration.ofMillis(20);

  @TempDir
  Path dir;

  private static EventApiHit hit(String id) {
    return new EventApiHit(id, 62515, 1_430_438_400_000L, "pe62515_signup", Optional.of(id + "@example.com"),
        Optional.empty(), Optional.empty(), List.of(), List.of(), "_a=62515&_n=pe62515_signup");
  }

  private FileIngestLog log(int capacity, int maxBatch, long maxBacklog) {
    return new FileIngestLog(dir, capacity, maxBatch, maxBacklog, LARGE_SEGMENT, SHORT_PAUSE);
  }

  private FileIngestLog log() {
    return log(100, 100, 1000);
  }

  /**
   * A sink that records what it applied. It can hold every call until released, refuse the
   * batches a predicate picks, and report calls and the batches it was offered.
   */
  private static final class Sink implements BatchSink {
    final List<List<String>> calls = new CopyOnWriteArrayList<>();
    final List<List<String>> applied = new CopyOnWriteArrayList<>();
    final Semaphore called = new Semaphore(0);
    final CountDownLatch entered = new CountDownLatch(1);
    private final List<Watch> watches = new CopyOnWriteArrayList<>();
    volatile CountDownLatch gate;
    volatile Predicate<List<String>> refuses = ids -> false;

    private record Watch(Predicate<List<String>> offered, CompletableFuture<List<String>> seen) {
    }

    static Sink down() {
      Sink sink = new Sink();
      sink.refuses = ids -> true;
      return sink;
    }

    static Sink gated() {
      Sink sink = new Sink();
      sink.gate = new CountDownLatch(1);
      return sink;
    }

    @Override
    public void apply(List<Hit> hits) {
      List<String> ids = hits.stream().map(Hit::id).toList();
      calls.add(ids);
      watches.forEach(w -> {
        if (w.offered.test(ids)) {
          w.seen.complete(ids);
        }
      });
      entered.countDown();
      called.release();
      CountDownLatch holding = gate;
      if (holding != null) {
        try {
          if (!holding.await(WAIT_SECONDS * 3, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the sink was never released");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      if (refuses.test(ids)) {
        throw new IllegalStateException("store refused " + ids);
      }
      applied.add(ids);
    }

    /** Completes when a batch the predicate accepts is offered (from now on). */
    CompletableFuture<List<String>> offered(Predicate<List<String>> which) {
      Watch watch = new Watch(which, new CompletableFuture<>());
      watches.add(watch);
      return watch.seen;
    }

    void release() {
      CountDownLatch holding = gate;
      if (holding != null) {
        holding.countDown();
      }
    }

    List<String> appliedIds() {
      return applied.stream().flatMap(List::stream).toList();
    }
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private static void awaitAll(List<CompletableFuture<Void>> futures) throws Exception {
    for (CompletableFuture<Void> f : futures) {
      assertNull(await(f));
    }
  }

  private static Throwable failureOf(CompletableFuture<?> future) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(WAIT_SECONDS, TimeUnit.SECONDS));
    return e.getCause();
  }

  /** Ids of the hits in the segment files, read by a reader of its own. */
  private List<String> idsInSegmentFiles() {
    try (LogSegments reader = new LogSegments(dir, LARGE_SEGMENT)) {
      return reader.recover(0).stream().map(r -> HitCodec.decode(r.payload()).id()).toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Path> segmentFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().matches("\\d{20}\\.log")).sorted().toList();
    }
  }

  /** Runs close() on another thread, so that a close that hangs fails the test instead. */
  private static void closeWithin(FileIngestLog log) throws Exception {
    CompletableFuture.runAsync(log::close).get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  @Test
  void appendCompletesOnlyOnceTheHitIsInASegmentFileAndTheSinkThenReceivesIt() throws Exception {
    FileIngestLog log = new FileIngestLog(dir, 10, 10, 100);
    Sink sink = new Sink();
    CompletableFuture<Void> done = log.append(hit("h1"));
    CompletableFuture<List<String>> inFilesWhenAcknowledged = done.thenApply(v -> idsInSegmentFiles());
    assertFalse(done.isDone(), "acknowledged before anything was written");

    log.start(sink);
    try {
      assertEquals(List.of("h1"), await(inFilesWhenAcknowledged));
      await(log.awaitApplied());
      assertEquals(List.of(List.of("h1")), sink.applied);
    } finally {
      log.close();
    }
  }

  @Test
  void acknowledgedHitIsReplayedByANewLogOnTheSameDirectoryWhileTheSinkStillHoldsIt() throws Exception {
    FileIngestLog first = log();
    Sink holding = Sink.gated();
    first.start(holding);
    try {
      CompletableFuture<Void> done = first.append(hit("h1"));
      assertTrue(holding.entered.await(WAIT_SECONDS, TimeUnit.SECONDS), "the sink was never called");
      assertNull(await(done));
      assertEquals(List.of(), holding.applied);

      FileIngestLog second = log();
      Sink recording = new Sink();
      second.start(recording);
      second.close();

      assertEquals(List.of(List.of("h1")), recording.applied);
    } finally {
      holding.release();
      first.close();
    }
  }

  @Test
  void hitsAreDeliveredInOrderInBatchesOfAtMostMaxBatch() throws Exception {
    FileIngestLog log = log(100, 3, 1000);
    Sink sink = Sink.gated();
    log.start(sink);
    try {
      List<CompletableFuture<Void>> acks = new ArrayList<>();
      acks.add(log.append(hit("h0")));
      assertTrue(sink.entered.await(WAIT_SECONDS, TimeUnit.SECONDS), "the sink was never called");
      List<String> ids = new ArrayList<>(List.of("h0"));
      for (int i = 1; i <= 9; i++) {
        ids.add("h" + i);
        acks.add(log.append(hit("h" + i)));
      }
      awaitAll(acks.subList(1, acks.size()));

      sink.release();
      await(log.awaitApplied());

      assertEquals(ids, sink.appliedIds());
      assertTrue(sink.calls.stream().allMatch(b -> b.size() <= 3), sink.calls.toString());
      assertEquals(List.of(List.of("h0"), List.of("h1", "h2", "h3"), List.of("h4", "h5", "h6"),
          List.of("h7", "h8", "h9")), sink.applied, "hits waiting together are delivered together");
    } finally {
      sink.release();
      log.close();
    }
  }

  @Test
  void manyHitsFromSeveralThreadsAreAllAppliedOnceEach() throws Exception {
    FileIngestLog log = log(1000, 50, 100_000);
    Sink sink = new Sink();
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
    FileIngestLog log = log();
    Sink sink = Sink.gated();
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
    FileIngestLog log = log();
    log.start(new Sink());
    try {
      assertTrue(log.awaitApplied().isDone());
    } finally {
      log.close();
    }
  }

  @Test
  void restartReplaysHitsWrittenButNotAppliedExactlyOnceBeforeNewHits() throws Exception {
    FileIngestLog first = log();
    Sink down = Sink.down();
    first.start(down);
    awaitAll(List.of(first.append(hit("a")), first.append(hit("b")), first.append(hit("c"))));
    assertTrue(down.called.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS), "the sink was never called");
    closeWithin(first);
    assertEquals(List.of(), down.applied);

    FileIngestLog second = log();
    Sink recording = new Sink();
    CompletableFuture<Void> late = second.append(hit("late"));
    assertEquals(1, second.depth());
    second.start(recording);
    try {
      assertEquals(List.of("a", "b", "c"), recording.appliedIds(), "replayed during start");
      assertNull(await(late));
      await(second.awaitApplied());
      assertEquals(List.of("a", "b", "c", "late"), recording.appliedIds());
      assertEquals(0, second.depth());
      assertEquals(0, second.deadLettered());
    } finally {
      second.close();
    }

    FileIngestLog third = log();
    Sink again = new Sink();
    third.start(again);
    third.close();
    assertEquals(List.of(), again.calls, "applied hits were replayed");
  }

  @Test
  void restartDoesNotReplayHitsAlreadyApplied() throws Exception {
    FileIngestLog first = log();
    Sink sink = new Sink();
    first.start(sink);
    awaitAll(List.of(first.append(hit("a")), first.append(hit("b"))));
    await(first.awaitApplied());
    sink.refuses = ids -> true;
    awaitAll(List.of(first.append(hit("c")), first.append(hit("d"))));
    closeWithin(first);
    assertEquals(List.of("a", "b"), sink.appliedIds());

    FileIngestLog second = log();
    Sink recording = new Sink();
    second.start(recording);
    second.close();

    assertEquals(List.of("c", "d"), recording.appliedIds());
  }

  @Test
  void tornTailOfTheLastSegmentIsCutOffOnStartAndTheRecordsBeforeItAreReplayed() throws Exception {
    FileIngestLog first = log();
    first.start(Sink.down());
    awaitAll(List.of(first.append(hit("a")), first.append(hit("b"))));
    closeWithin(first);
    List<Path> files = segmentFiles();
    assertEquals(1, files.size());
    // the start of a record whose write a crash cut short
    Files.write(files.get(0), new byte[] {0, 0, 3, (byte) 0xe8, 0, 0, 0, 0, 0, 0, 0, 3, 1, 2},
        StandardOpenOption.APPEND);

    FileIngestLog second = log();
    Sink recording = new Sink();
    second.start(recording);
    assertEquals(List.of("a", "b"), recording.appliedIds());
    recording.refuses = ids -> true;
    assertNull(await(second.append(hit("c"))));
    closeWithin(second);

    FileIngestLog third = log();
    Sink after = new Sink();
    third.start(after);
    third.close();
    assertEquals(List.of("c"), after.appliedIds(), "a hit written after the cut was lost");
    assertEquals(0, third.deadLettered());
  }

  @Test
  void garbageInAnEarlierSegmentMakesStartFailRatherThanSkipHits() throws Exception {
    FileIngestLog first = new FileIngestLog(dir, 10, 10, 100, 1, SHORT_PAUSE);
    first.start(Sink.down());
    assertNull(await(first.append(hit("a"))));
    assertNull(await(first.append(hit("b"))));
    closeWithin(first);
    List<Path> files = segmentFiles();
    assertTrue(files.size() >= 2, "expected a segment per write: " + files);
    byte[] content = Files.readAllBytes(files.get(0));
    content[content.length / 2] ^= 0x5a;
    Files.write(files.get(0), content);

    FileIngestLog second = new FileIngestLog(dir, 10, 10, 100, 1, SHORT_PAUSE);
    Sink recording = new Sink();
    try {
      assertThrows(IllegalStateException.class, () -> second.start(recording));
    } finally {
      closeWithin(second);
    }
    assertEquals(List.of(), recording.calls);
  }

  @Test
  void poisonHitGoesToTheDeadLettersWhileTheRestOfItsBatchIsApplied() throws Exception {
    FileIngestLog log = log();
    Sink sink = new Sink();
    sink.refuses = ids -> ids.contains("bad");
    List<CompletableFuture<Void>> acks = List.of(log.append(hit("a")), log.append(hit("bad")), log.append(hit("c")));
    log.start(sink);
    try {
      awaitAll(acks);
      await(log.awaitApplied());

      assertEquals(List.of("a", "c"), sink.appliedIds());
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
    await(first.awaitApplied());
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
      assertTrue(sink.called.tryAcquire(12, WAIT_SECONDS, TimeUnit.SECONDS), "the log gave up retrying");

      assertEquals(0, log.deadLettered());
      assertFalse(applied.isDone());
      assertEquals(3, log.depth());

      up.set(true);
      await(applied);

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
    // pauses long enough that a lone hit could not use up its attempts during the test
    FileIngestLog log = new FileIngestLog(dir, 10, 10, 100, LARGE_SEGMENT, Duration.ofMillis(200));
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

      assertEquals(List.of("h1", "h2"), await(triedTogether));
      assertEquals(0, log.deadLettered());

      up.set(true);
      await(log.awaitApplied());
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
    log.start(hits -> {
      if (thrown.compareAndSet(false, true)) {
        throw new StackOverflowError("sink recursed too deep");
      }
      hits.forEach(h -> committed.add(h.id()));
    });
    try {
      assertNull(await(log.append(hit("first"))));
      await(log.awaitApplied());
      assertNull(await(log.append(hit("next"))));
      await(log.awaitApplied());

      assertTrue(thrown.get());
      assertEquals(List.of("first", "next"), committed);
      assertEquals(0, log.deadLettered());
    } finally {
      log.close();
    }
  }

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
  void appliedSegmentsAreDeleted() throws Exception {
    FileIngestLog log = new FileIngestLog(dir, 100, 100, 1000, 300, SHORT_PAUSE);
    Sink sink = new Sink();
    log.start(sink);
    try {
      for (int i = 0; i < 40; i++) {
        assertNull(await(log.append(hit("h" + i))));
      }
      await(log.awaitApplied());
      assertEquals(40, sink.appliedIds().size());
    } finally {
      closeWithin(log);
    }

    List<Path> files = segmentFiles();
    assertEquals(1, files.size(), "applied segments were kept: " + files);
    assertFalse(files.get(0).getFileName().toString().equals("00000000000000000001.log"),
        "the log never started a second segment");

    FileIngestLog reopened = new FileIngestLog(dir, 100, 100, 1000, 300, SHORT_PAUSE);
    Sink again = new Sink();
    reopened.start(again);
    reopened.close();
    assertEquals(List.of(), again.calls);
  }

  @Test
  void sequenceNumbersContinueAfterTheAppliedMarkWhenEverySegmentIsGone() throws Exception {
    new AppliedMark(dir.resolve("applied")).write(500);
    FileIngestLog log = log();
    Sink sink = new Sink();
    log.start(sink);
    try {
      assertNull(await(log.append(hit("h"))));
      await(log.awaitApplied());
    } finally {
      closeWithin(log);
    }

    assertEquals(List.of("h"), sink.appliedIds());
    assertEquals(List.of(dir.resolve("00000000000000000501.log")), segmentFiles());
    assertEquals(501, new AppliedMark(dir.resolve("applied")).read());
    FileIngestLog reopened = log();
    Sink again = new Sink();
    reopened.start(again);
    reopened.close();
    assertEquals(List.of(), again.calls);
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
}
