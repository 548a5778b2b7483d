package io.spoor.report;

import io.spoor.ingest.Batch;
import io.spoor.ops.Metrics;
import io.spoor.store.Database;

/**
 * The port the appliers feed: each batch gets one {@link RollupBatch}, written once at the
 * batch's end in its transaction. Switched off ({@code --report-rollups=false}) it records
 * nothing, which the benchmark uses to measure what the rollups cost.
 */
public final class Rollups {
  private final RollupStore store;
  private final UserAgents agents;
  private final RecentVisits recent;
  private final boolean enabled;

  /** {@code recentVisits}: how many visits to hold after writing them (see {@link RecentVisits}). */
  public Rollups(Database db, boolean enabled, int recentVisits, Metrics metrics) {
    this.store = new RollupStore(db, metrics.counter("spoor_report_visits_read_total",
        "Visits the rollups read back from the store; the others were held by the applier or new"));
    this.agents = new UserAgents();
    this.recent = new RecentVisits(recentVisits);
    this.enabled = enabled;
    metrics.gauge("spoor_report_recent_visits", "Visits the applier holds after writing them", recent::size);
  }

  /** The batch's rollup part, made on first use. */
  public RollupBatch of(Batch batch) {
    return batch.part(RollupBatch.class, this::batch);
  }

  /** A rollup part for a transaction of its own. */
  RollupBatch batch() {
    return new RollupBatch(store, agents, recent, enabled);
  }
}
