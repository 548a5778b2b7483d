package io.spoor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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
}
