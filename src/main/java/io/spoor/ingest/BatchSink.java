package io.spoor.ingest;

import java.util.List;

/** Where the ingest log delivers hits: applies a batch in one transaction or throws. */
public interface BatchSink {
  /**
   * Applies the hits and commits durably before returning, together with their {@code place}
   * in the log. Must be idempotent per hit: a hit the log delivers again after a crash, or a
   * client's hit sent again under the same id, counts once. Throws when nothing of the batch
   * was committed.
   */
  void apply(List<Hit> hits, LogPlace place);

  /** The {@code through} of the last in-order batch of {@code log} committed (0 if none). */
  long appliedThrough(String log);

  /**
   * The stored offset of the next record of {@code topic}'s {@code partition} to apply, or
   * {@link AppliedHits#NO_OFFSET}. No default: a sink that wraps another must ask it, since a
   * Kafka processor that hears "none stored" for a partition with an offset starts it over and
   * is fenced on every batch.
   */
  long nextOffset(String topic, int partition);
}
