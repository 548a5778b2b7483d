package io.spoor.ingest;

import io.spoor.store.ChangeFeed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Counts, in each batch's transaction, the hits of each portal the batch applied in the
 * {@link ChangeFeed} under this process's own source, with the wall time the batch began: so
 * other processes (an {@code api} process's live views and report index) learn what was applied
 * without being told. Its rows are dropped a week after their last batch.
 */
public final class AppliedFeed {
  private static final long RETENTION_MS = Duration.ofDays(7).toMillis();
  private static final long SWEEP_MS = Duration.ofHours(1).toMillis();
  private final ChangeFeed feed;
  private final String source;
  private long lastSweep = Long.MIN_VALUE;

  public AppliedFeed(ChangeFeed feed) {
    this.feed = feed;
    this.source = ChangeFeed.APPLIER + UUID.randomUUID();
  }

  /** This process's source: a process skips its own rows, having heard of its batches at once. */
  public String source() {
    return source;
  }

  /** Called inside the batch's transaction, on the applier's thread. */
  void applied(List<Hit> hits, long startedAt) {
    if (startedAt - lastSweep > SWEEP_MS) {
      feed.forgetAppliersBefore(startedAt - RETENTION_MS);
      lastSweep = startedAt;
    }
    Map<Long, Long> perPortal = new TreeMap<>();
    hits.forEach(hit -> perPortal.merge(hit.hubId(), 1L, Long::sum));
    perPortal.forEach((hubId, count) -> feed.add(source, hubId, count, startedAt));
  }
}
