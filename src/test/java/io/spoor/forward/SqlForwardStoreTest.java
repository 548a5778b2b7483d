package io.spoor.forward;

import io.spoor.portal.SqlPortalStore;
import io.spoor.store.Database;
import io.spoor.testkit.StorePortals;
import io.spoor.testkit.TempStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link ForwardStore} contract against SQLite. */
@ExtendWith(TempStore.class)
class SqlForwardStoreTest extends ForwardStoreContract {
  @BeforeEach
  void make(Database db) {
    StorePortals.create(db, new SqlPortalStore(db), 1, 2);
    use(db, new SqlForwardStore(db));
  }
}
