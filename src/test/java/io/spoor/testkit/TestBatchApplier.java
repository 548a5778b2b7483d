package io.spoor.testkit;

import io.spoor.ingest.BatchApplier;
import io.spoor.ingest.HitApplier;
import io.spoor.ingest.IngestMetrics;
import io.spoor.ingest.RejectionLimits;
import io.spoor.ingest.RejectionStore;
import io.spoor.ingest.SqlAppliedHits;
import io.spoor.portal.PortalStore;
import io.spoor.store.Database;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** A {@link BatchApplier} as tests want one: the store's ledger, the default limits and retries, no change feed. */
public final class TestBatchApplier {
  /** How many rejections a portal keeps in a test. */
  public static final int REJECTIONS_KEPT = 100;

  private TestBatchApplier() {
  }

  public static BatchApplier of(Database db, RejectionStore rejections, PortalStore portals,
      List<HitApplier<?>> appliers, IngestMetrics metrics, Clock clock) {
    return new BatchApplier(db, new SqlAppliedHits(db), rejections, portals, appliers, metrics, clock,
        new RejectionLimits(REJECTIONS_KEPT, RejectionLimits.DEFAULT_BYTES_PER_BATCH),
        BatchApplier.DEFAULT_CONFLICT_RETRIES, Optional.empty());
  }
}
