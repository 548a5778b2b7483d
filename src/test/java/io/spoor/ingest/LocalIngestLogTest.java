package io.spoor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class LocalIngestLogTest {
  private static final long WAIT_SECONDS = 5;

  private static EventApiHit hit(String id) {
    return new EventApiHit(id, 62515, 1_430_438_400_000L, "pe62515_signup", Optional.empty(),
        Optional.empty(), Optional.empty(), List.of(), List.of(), "_a=62515&_n=pe62515_signup");
  }

  /** A sink that records every batch it was given and holds each call until released. */
  private static final class GatedSink implements BatchSink {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void apply(List<Hit> hits) {
      entered.countDown();
      try {
        if (!release.await(WAIT_SECONDS * 4, TimeUnit.SECONDS)) {
          throw new IllegalStateException("sink was never released");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      batches.add(hits.stream().map(Hit::id).toList());
    }
  }

  /** A sink that records batches and refuses any batch holding a poisoned hit id. */
  private static final class RecordingSink implements BatchSink {
    final List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
    final List<List<String>> committed = Collections.synchronizedList(new ArrayList<>());
    final String poisoned;
    final RuntimeException failure;

    RecordingSink(String poisoned, RuntimeException failure) {
      this.poisoned = poisoned;
      this.failure = failure;
    }

    @Override
    public void apply(List<Hit> hits) {
      List<String> ids = hits.stream().map(Hit::id).toList();
      calls.add(ids);
      if (ids.contains(poisoned)) {
        throw failure;
      }
      committed.add(ids);
    }
  }

  private static Throwable failureOf(CompletableFuture<Void> future) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(WAIT_SECONDS, TimeUnit.SECONDS));
    return e.getCause();
  }

  @Test
  void appendedHitIsAcknowledgedOnlyAfterTheSinkReturned() throws Exception {
    LocalIngestLog log = new LocalIngestLog(10, 10);
    GatedSink sink = new GatedSink();
    log.start(sink);
    try {
      CompletableFuture<Void> done = log.append(hit("h1"));

      assertTrue(sink.entered.await(WAIT_SECONDS, TimeUnit.SECONDS), "the sink was never called");
      assertFalse(done.isDone(), "acknowledged before the sink returned");

      sink.release.countDown();
      assertNull(done.get(WAIT_SECONDS, TimeUnit.SECONDS));
      assertEquals(List.of(List.of("h1")), sink.batches);
    } finally {
      sink.release.countDown();
      log.close();
    }
  }

  @Test
  void hitsAppendedBeforeStartAreCountedAndDeliveredOnceStarted() throws Exception {
    LocalIngestLog log = new LocalIngestLog(10, 10);
    RecordingSink sink = new RecordingSink(null, null);
    CompletableFuture<Void> a = log.append(hit("a"));
    CompletableFuture<Void> b = log.append(hit("b"));

    assertEquals(2, log.depth());
    assertFalse(a.isDone());
    log.start(sink);
    try {
      CompletableFuture.allOf(a, b).get(WAIT_SECONDS, TimeUnit.SECONDS);
      assertEquals(0, log.depth());
      assertEquals(List.of(List.of("a", "b")), sink.committed);
    } finally {
      log.close();
    }
  }

  @Test
  void startingTwiceIsRefused() {
    LocalIngestLog log = new LocalIngestLog(10, 10);
    log.start(new RecordingSink(null, null));
    try {
      assertThrows(IllegalStateException.class, () -> log.start(new RecordingSink(null, null)));
    } finally {
      log.close();
    }
  }

  @Test
  void fullQueueFailsFastWithIngestOverloaded() throws Exception {
    LocalIngestLog log = new LocalIngestLog(1, 1);
    GatedSink sink = new GatedSink();
    log.start(sink);
    try {
      CompletableFuture<Void> first = log.append(hit("h1"));
      assertTrue(sink.entered.await(WAIT_SECONDS, TimeUnit.SECONDS), "the sink was never called");
      CompletableFuture<Void> queued = log.append(hit("h2"));
      assertEquals(1, log.depth());

      CompletableFuture<Void> refused = log.append(hit("h3"));

      assertTrue(refused.isCompletedExceptionally(), "a full queue must answer at once");
      assertInstanceOf(IngestOverloadedException.class, failureOf(refused));
      assertFalse(queued.isDone());

      sink.release.countDown();
      assertNull(first.get(WAIT_SECONDS, TimeUnit.SECONDS));
      assertNull(queued.get(WAIT_SECONDS, TimeUnit.SECONDS));
      assertEquals(List.of(List.of("h1"), List.of("h2")), sink.batches);
    } finally {
      sink.release.countDown();
      log.close();
    }
  }

  @Test
  void closeDeliversEverythingAcceptedBeforeReturningAndLaterAppendsAreRefused() throws Exception {
    LocalIngestLog log = new LocalIngestLog(10, 1);
    GatedSink sink = new GatedSink();
    log.start(sink);
    List<CompletableFuture<Void>> accepted = new ArrayList<>();
    CountDownLatch closed = new CountDownLatch(1);
    AtomicBoolean allDeliveredWhenCloseReturned = new AtomicBoolean();
    Thread closer = new Thread(() -> {
      log.close();
      allDeliveredWhenCloseReturned.set(accepted.stream()
          .allMatch(f -> f.isDone() && !f.isCompletedExceptionally()));
      closed.countDown();
    }, "closer");
    try {
      accepted.add(log.append(hit("h1")));
      assertTrue(sink.entered.await(WAIT_SECONDS, TimeUnit.SECONDS), "the sink was never called");
      accepted.add(log.append(hit("h2")));
      accepted.add(log.append(hit("h3")));

      closer.start();
      while (closed.getCount() > 0 && closer.getState() != Thread.State.WAITING
          && closer.getState() != Thread.State.TIMED_WAITING) {
        Thread.onSpinWait();
      }
      assertEquals(1, closed.getCount(), "close returned while accepted hits were undelivered");

      CompletableFuture<Void> late = log.append(hit("late"));
      assertTrue(late.isCompletedExceptionally(), "an append after close must be refused at once");
      assertInstanceOf(IngestOverloadedException.class, failureOf(late));

      sink.release.countDown();
      assertTrue(closed.await(WAIT_SECONDS, TimeUnit.SECONDS), "close never returned");
      assertTrue(allDeliveredWhenCloseReturned.get(), "close returned before every accepted hit was delivered");
      assertEquals(List.of(List.of("h1"), List.of("h2"), List.of("h3")), sink.batches);
    } finally {
      sink.release.countDown();
      log.close();
    }
  }

  @Test
  void appendAfterCloseIsRefused() throws Exception {
    LocalIngestLog log = new LocalIngestLog(10, 10);
    log.start(new RecordingSink(null, null));
    log.close();

    CompletableFuture<Void> late = log.append(hit("late"));

    assertTrue(late.isCompletedExceptionally());
    assertInstanceOf(IngestOverloadedException.class, failureOf(late));
    assertEquals(0, log.depth());
  }

  @Test
  void batchesNeverExceedMaxBatch() throws Exception {
    LocalIngestLog log = new LocalIngestLog(100, 3);
    RecordingSink sink = new RecordingSink(null, null);
    List<CompletableFuture<Void>> futures = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ids.add("h" + i);
      futures.add(log.append(hit("h" + i)));
    }
    log.start(sink);
    try {
      CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).get(WAIT_SECONDS, TimeUnit.SECONDS);

      assertTrue(sink.committed.stream().allMatch(b -> b.size() <= 3), sink.committed.toString());
      assertEquals(3, sink.committed.get(0).size(), "hits waiting together are committed together");
      assertEquals(ids, sink.committed.stream().flatMap(List::stream).toList());
    } finally {
      log.close();
    }
  }

  @Test
  void hitTheSinkCannotApplyFailsAloneWhileTheRestOfItsBatchIsCommitted() throws Exception {
    LocalIngestLog log = new LocalIngestLog(10, 10);
    IllegalStateException poison = new IllegalStateException("cannot apply bad");
    RecordingSink sink = new RecordingSink("bad", poison);
    CompletableFuture<Void> a = log.append(hit("a"));
    CompletableFuture<Void> bad = log.append(hit("bad"));
    CompletableFuture<Void> c = log.append(hit("c"));
    log.start(sink);
    try {
      assertNull(a.get(WAIT_SECONDS, TimeUnit.SECONDS));
      assertNull(c.get(WAIT_SECONDS, TimeUnit.SECONDS));
      assertSame(poison, failureOf(bad));

      assertEquals(List.of("a", "bad", "c"), sink.calls.get(0));
      assertEquals(List.of(List.of("a"), List.of("c")), sink.committed);
    } finally {
      log.close();
    }
  }

  @Test
  void sinkExceptionFailsTheFutureAndLaterHitsStillFlow() throws Exception {
    LocalIngestLog log = new LocalIngestLog(10, 10);
    IllegalStateException failure = new IllegalStateException("database is locked");
    RecordingSink sink = new RecordingSink("doomed", failure);
    log.start(sink);
    try {
      CompletableFuture<Void> doomed = log.append(hit("doomed"));
      assertSame(failure, failureOf(doomed));

      CompletableFuture<Void> next = log.append(hit("next"));
      assertNull(next.get(WAIT_SECONDS, TimeUnit.SECONDS));
    } finally {
      log.close();
    }
  }

  @Test
  void sinkErrorFailsTheFutureInsteadOfStoppingDelivery() throws Exception {
    LocalIngestLog log = new LocalIngestLog(10, 10);
    AtomicBoolean thrown = new AtomicBoolean();
    List<String> committed = Collections.synchronizedList(new ArrayList<>());
    log.start(hits -> {
      if (thrown.compareAndSet(false, true)) {
        throw new StackOverflowError("sink recursed too deep");
      }
      hits.forEach(h -> committed.add(h.id()));
    });
    try {
      CompletableFuture<Void> doomed = log.append(hit("doomed"));
      assertInstanceOf(StackOverflowError.class, failureOf(doomed));

      CompletableFuture<Void> next = log.append(hit("next"));
      assertNull(next.get(WAIT_SECONDS, TimeUnit.SECONDS));
      assertEquals(List.of("next"), committed);
    } finally {
      log.close();
    }
  }
}
