package io.spoor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.store.Database;
import io.spoor.testkit.StatementTexts;
import io.spoor.testkit.TempStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link AppliedHits} contract against SQLite. */
@ExtendWith(TempStore.class)
class SqlAppliedHitsTest extends AppliedHitsContract {
  private Database db;
  private SqlAppliedHits ledger;

  @BeforeEach
  void make(Database db) {
    this.db = db;
    this.ledger = new SqlAppliedHits(db);
    use(db, ledger);
  }

  @Test
  void theHitIdsOfBatchesOfAnySizeAreLookedUpWithOneStatementText() {
    assertEquals(1, StatementTexts.ofBatches(db, ledger::recorded, 1, 2, 99, 101, 450).size());
  }
}
