package io.spoor.portal;

import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link PortalStore} contract against SQLite. */
@ExtendWith(TempStore.class)
class SqlPortalStoreTest extends PortalStoreContract {
  @BeforeEach
  void make(Database db) {
    use(db, new SqlPortalStore(db));
  }
}
