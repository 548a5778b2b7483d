package io.spoor.ingest;

import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link RejectionStore} contract against SQLite. */
@ExtendWith(TempStore.class)
class SqlRejectionStoreTest extends RejectionStoreContract {
  @BeforeEach
  void make(Database db) {
    use(db, new SqlRejectionStore(db));
  }
}
