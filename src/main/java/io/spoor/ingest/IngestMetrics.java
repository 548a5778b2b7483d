package io.spoor.ingest;

import io.spoor.ops.Counter;
import io.spoor.ops.Histogram;
import io.spoor.ops.Metrics;

/** What the ingest path reports: hits by outcome, rejections by reason, batch sizes and times. */
public final class IngestMetrics {
  private final Counter hits;
  private final Counter rejections;
  private final Counter failedBatches;
  private final Histogram batchSize;
  private final Histogram batchSeconds;
  private final Counter keysReused;
  private final Counter conflicts;

  public IngestMetrics(Metrics metrics, IngestLog log) {
    hits = metrics.counter("spoor_hits_total", "Hits applied, by hit kind and outcome", "kind", "outcome");
    rejections = metrics.counter("spoor_rejections_total",
        "Hits or parts of hits not applied, by reason", "reason");
    failedBatches = metrics.counter("spoor_ingest_failed_batches_total",
        "Batches whose transaction failed (their hits are retried, one by one if need be)");
    batchSize = metrics.histogram("spoor_ingest_batch_size", "Hits per committed batch", Histogram.SIZES);
    batchSeconds = metrics.histogram("spoor_ingest_batch_seconds",
        "Time to apply and commit one batch", Histogram.LATENCY_SECONDS);
    metrics.gauge("spoor_ingest_queue_depth", "Hits acknowledged or waiting, not yet applied", log::depth);
    metrics.gauge("spoor_ingest_queue_bytes", "Estimated memory of the hits acknowledged or waiting, not yet applied",
        log::depthBytes);
    metrics.gauge("spoor_ingest_waiting_bytes", "Estimated memory of the hits waiting for room in the ingest log",
        log::waitingBytes);
    metrics.gauge("spoor_ingest_up", "1 while the ingest log works; 0 once a fatal error stopped it",
        () -> log.failure().isDone() ? 0 : 1);
    metrics.gauge("spoor_ingest_dead_letters", "Acknowledged hits that could not be applied at all",
        log::deadLettered);
    metrics.gauge("spoor_ingest_log_damaged_spans",
        "Damaged spans of the ingest log's files (and a damaged applied mark) found on start", () -> log.damage().places());
    metrics.gauge("spoor_ingest_log_lost_hits",
        "Acknowledged hits not yet applied lost to damage in the ingest log's files, found on start",
        () -> log.damage().hitsLost());
    keysReused = metrics.counter("spoor_ingest_idempotency_key_reused_total",
        "Hits applied as new although their idempotency key came before with another hit");
    conflicts = metrics.counter("spoor_ingest_batch_conflicts_total",
        "Batch transactions that lost a race with another writer on the same rows or keys and were run again, "
            + "by SQL state (23505 unique key, 40001 serialization, 40P01 deadlock)", "state");
  }

  void conflict(String sqlState) {
    conflicts.inc(sqlState);
  }

  /** Batch transactions run again after losing a race, with this SQL state. */
  public long conflicts(String sqlState) {
    return conflicts.value(sqlState);
  }

  void hit(Hit hit, Outcome outcome) {
    hits.inc(hit.kind(), outcome.name().toLowerCase(java.util.Locale.ROOT));
  }

  void rejections(RejectReason reason, long n) {
    rejections.add(n, reason.name());
  }

  void batch(int size, long nanos) {
    batchSize.observe(size);
    batchSeconds.observe(nanos / 1e9);
  }

  void failedBatch() {
    failedBatches.inc();
  }

  public long rejections(RejectReason reason) {
    return rejections.value(reason.name());
  }

  void idempotencyKeysReused(long n) {
    keysReused.add(n);
  }

  public long idempotencyKeysReused() {
    return keysReused.value();
  }
}
