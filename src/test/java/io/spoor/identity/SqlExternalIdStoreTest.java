package io.spoor.identity;

import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link ExternalIdStore} contract against SQLite. */
@ExtendWith(TempStore.class)
class SqlExternalIdStoreTest extends ExternalIdStoreContract {
  @BeforeEach
  void make(Database db) {
    use(db, new SqlExternalIdStore(db));
  }
}
