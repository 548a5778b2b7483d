package io.spoor.ingest;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What the tests of any {@link IngestLog} share: hits to append, a fake sink, and waits bounded
 * in real time (a wait that runs out fails the test; none is a pause).
 */
abstract class IngestLogTesting {
  static final long WAIT_SECONDS = 10;

  static EventApiHit hit(String id) {
    return new EventApiHit(id, 62515, 1_430_438_400_000L, "pe62515_signup", Optional.of(id + "@example.com"),
        Optional.empty(), Optional.empty(), List.of(), List.of(), "_a=62515&_n=pe62515_signup");
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
    /** Told of each batch as it is offered, before anything else. */
    volatile Consumer<List<Hit>> onOffer = hits -> { };
    /** The partitions' stored offsets, as a store keeps them: shared by the sinks of one test. */
    private final Map<String, Long> offsets;

    Sink() {
      this(new ConcurrentHashMap<>());
    }

    /** A sink that keeps partitions' offsets in {@code offsets}, with what sinks before it stored there. */
    Sink(Map<String, Long> offsets) {
      this.offsets = offsets;
    }

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
      onOffer.accept(hits);
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
      if (place instanceof LogPlace.Consumed c) {
        String key = c.topic() + "/" + c.partition();
        synchronized (offsets) {
          if (offsets.getOrDefault(key, AppliedHits.NO_OFFSET) != c.from()) {
            throw new LogFencedException(c.topic(), c.partition(), c.from());
          }
          offsets.put(key, c.next());
        }
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

    @Override
    public long nextOffset(String topic, int partition) {
      return offsets.getOrDefault(topic + "/" + partition, AppliedHits.NO_OFFSET);
    }

    /** This sink, refusing every batch. */
    Sink refusingAll() {
      refuses = ids -> true;
      return this;
    }

    /** This sink, holding every call until released. */
    Sink gatedUntilReleased() {
      gate = new CountDownLatch(1);
      return this;
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
  static void startAndApply(IngestLog log, BatchSink sink, String... ids) throws Exception {
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

  /** Runs close() on another thread, so that a close that hangs fails the test instead. */
  static void closeWithin(IngestLog log) throws Exception {
    CompletableFuture.runAsync(log::close).get(WAIT_SECONDS, TimeUnit.SECONDS);
  }
}
