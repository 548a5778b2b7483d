package io.spoor.ingest;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the {@link FileIngestLog} tests share: a log in a fresh directory, hits to append, a
 * fake sink, bounded waits, and a look at the segment files the log wrote.
 */
abstract class FileIngestLogFixture {
  static final long WAIT_SECONDS = 10;
  static final long LARGE_SEGMENT = 1 << 20;
  /** The pause between the applier's attempts, in the ticker's time. */
  static final Duration PAUSE = Duration.ofSeconds(1);

  @TempDir
  Path dir;
  /** The time every log made here goes by: it stands still until a test moves it on. */
  final ManualTicker ticker = new ManualTicker();

  static EventApiHit hit(String id) {
    return new EventApiHit(id, 62515, 1_430_438_400_000L, "pe62515_signup", Optional.of(id + "@example.com"),
        Optional.empty(), Optional.empty(), List.of(), List.of(), "_a=62515&_n=pe62515_signup");
  }

  /** A log that refuses at once what it has no room for. */
  FileIngestLog log(int capacity, int maxBatch, long maxBacklog) {
    return log(capacity, maxBatch, maxBacklog, Duration.ZERO);
  }

  FileIngestLog log(int capacity, int maxBatch, long maxBacklog, Duration maxWait) {
    return log(new IngestLimits(capacity, maxBatch, maxBacklog, maxWait));
  }

  /** A log whose applier, while busy, starts a batch at most once per {@code applyInterval}. */
  FileIngestLog gatheringLog(int maxBatch, Duration applyInterval) {
    return log(new IngestLimits(1000, maxBatch, 10_000, Duration.ZERO, applyInterval));
  }

  FileIngestLog log(IngestLimits limits) {
    return log(limits, LARGE_SEGMENT);
  }

  /** A log that starts a new segment once one holds {@code segmentBytes}. */
  FileIngestLog log(IngestLimits limits, long segmentBytes) {
    return log(limits, segmentBytes, Clock.systemUTC());
  }

  /** A log whose segments age as {@code clock} tells. */
  FileIngestLog log(IngestLimits limits, long segmentBytes, Clock clock) {
    return new FileIngestLog(dir, limits, segmentBytes, PAUSE, FileIngestLog.SEGMENT_MAX_AGE, clock, ticker);
  }

  FileIngestLog log() {
    return log(100, 100, 1000);
  }

  /**
   * A sink that records what it applied, with the place in the log each call was given and
   * the position of the last in-order batch it took. It can hold every call until released,
   * refuse the batches a predicate picks, and report calls and the batches it was offered.
   */
  static final class Sink implements BatchSink {
    final List<List<String>> calls = new CopyOnWriteArrayList<>();
    final List<LogPlace> places = new CopyOnWriteArrayList<>();
    volatile long through;
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
    public void apply(List<Hit> hits, LogPlace place) {
      List<String> ids = hits.stream().map(Hit::id).toList();
      calls.add(ids);
      places.add(place);
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
      if (place instanceof LogPlace.InOrder inOrder) {
        through = inOrder.through();
      }
    }

    @Override
    public long appliedThrough(String log) {
      return through;
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

  /** Starts the log with the sink, appends hits with these ids and waits until they are acknowledged and applied. */
  static void startAndApply(FileIngestLog log, BatchSink sink, String... ids) throws Exception {
    log.start(sink);
    awaitAll(Stream.of(ids).map(id -> log.append(hit(id))).toList());
    await(log.awaitApplied());
  }

  static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  static void awaitAll(List<CompletableFuture<Void>> futures) throws Exception {
    for (CompletableFuture<Void> f : futures) {
      assertNull(await(f));
    }
  }

  static Throwable failureOf(CompletableFuture<?> future) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(WAIT_SECONDS, TimeUnit.SECONDS));
    return e.getCause();
  }

  /** Ids of the hits in the segment files, read by a reader of its own. */
  List<String> idsInSegmentFiles() {
    try (LogSegments reader = new LogSegments(dir, LARGE_SEGMENT)) {
      return reader.recover(0).stream().map(r -> HitCodec.decode(r.payload()).id()).toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  List<Path> segmentFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().matches("\\d{20}\\.log")).sorted().toList();
    }
  }

  /** Runs close() on another thread, so that a close that hangs fails the test instead. */
  static void closeWithin(FileIngestLog log) throws Exception {
    CompletableFuture.runAsync(log::close).get(WAIT_SECONDS, TimeUnit.SECONDS);
  }
}
