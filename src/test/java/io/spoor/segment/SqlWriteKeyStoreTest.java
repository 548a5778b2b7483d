package io.spoor.segment;

import io.spoor.portal.SqlPortalStore;
import io.spoor.store.Database;
import io.spoor.testkit.StorePortals;
import io.spoor.testkit.TempStore;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link WriteKeyStore} contract against SQLite. */
@ExtendWith(TempStore.class)
class SqlWriteKeyStoreTest extends WriteKeyStoreContract {
  @BeforeEach
  void make(Database db) {
    StorePortals.create(db, new SqlPortalStore(db), 1, 2);
    use(db, new SqlWriteKeyStore(db, Clock.fixed(NOW, ZoneOffset.UTC)));
  }
}
