package io.spoor.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.store.Database;
import io.spoor.testkit.StatementTexts;
import io.spoor.testkit.TempStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link VisitorStore} contract against SQLite. */
@ExtendWith(TempStore.class)
class SqlVisitorStoreTest extends VisitorStoreContract {
  private Database db;
  private SqlVisitorStore store;

  @BeforeEach
  void make(Database db) {
    this.db = db;
    this.store = new SqlVisitorStore(db);
    use(db, store);
  }

  @Test
  void theVisitorsOfBatchesOfAnySizeAreReadWithOneStatementText() {
    assertEquals(1, StatementTexts.ofBatches(db, utks -> store.find(1, utks), 1, 3, 64, 65, 200).size());
  }
}
