package io.spoor.report;

import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link RollupStore} contract against SQLite. */
@ExtendWith(TempStore.class)
class SqlRollupStoreTest extends RollupStoreContract {
  @BeforeEach
  void make(Database db) {
    use(db, new RollupStore(db, RollupStoreContract.visitsRead()));
    alongside(new RollupFigures(db, 1 << 20));
    over(db);
  }
}
