package io.spoor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Delivery: hits reach the sink once each, in log order, in batches of at most
 * {@code maxBatch}, and {@code awaitApplied} waits for what was acknowledged before it.
 */
@Timeout(60)
class FileIngestLogDeliveryTest extends FileIngestLogFixture {
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
}
