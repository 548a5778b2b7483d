package io.spoor.identity;

import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link VisitorStore} contract against SQLite. */
@ExtendWith(TempStore.class)
class SqlVisitorStoreTest extends VisitorStoreContract {
  @BeforeEach
  void make(Database db) {
    use(db, new SqlVisitorStore(db));
  }
}
