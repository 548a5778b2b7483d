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
  private final boolean enabled;

  public Rollups(Database db, boolean enabled) {
    this.store = new RollupStore(db);
    this.agents = new UserAgents();
    this.enabled = enabled;
  }

  RollupStore store() {
    return store;
  }

  UserAgents agents() {
    return agents;
  }

  /** The batch's rollup part, made on first use. */
  public RollupBatch of(Batch batch) {
    return batch.part(RollupBatch.class, () -> new RollupBatch(store, agents, enabled));
  }
}
