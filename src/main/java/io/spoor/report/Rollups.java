package io.spoor.report;

import io.spoor.ingest.Batch;
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
  public Rollups(Database db, boolean enabled, int recentVisits) {
    this.store = new RollupStore(db);
    this.agents = new UserAgents();
    this.recent = new RecentVisits(recentVisits);
    this.enabled = enabled;
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
