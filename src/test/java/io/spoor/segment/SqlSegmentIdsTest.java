package io.spoor.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.store.Database;
import io.spoor.testkit.StatementTexts;
import io.spoor.testkit.TempStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link SegmentIds} contract against SQLite. */
@ExtendWith(TempStore.class)
class SqlSegmentIdsTest extends SegmentIdsContract {
  private Database db;
  private SqlSegmentIds ids;

  @BeforeEach
  void make(Database db) {
    this.db = db;
    this.ids = new SqlSegmentIds(db);
    use(db, ids);
  }

  @Test
  void theSegmentIdsOfBatchesOfAnySizeAreLookedUpWithOneStatementText() {
    assertEquals(1, StatementTexts.ofBatches(db, batch -> ids.find(1, batch), 1, 2, 99, 101, 450).size());
  }
}
