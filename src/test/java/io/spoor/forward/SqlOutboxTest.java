package io.spoor.forward;

import io.spoor.portal.SqlPortalStore;
import io.spoor.store.Database;
import io.spoor.testkit.StorePortals;
import io.spoor.testkit.TempStore;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link Outbox} contract against SQLite. */
@ExtendWith(TempStore.class)
class SqlOutboxTest extends OutboxContract {
  @BeforeEach
  void make(Database db) {
    StorePortals.create(db, new SqlPortalStore(db), 1, 2);
    SqlForwardStore forwards = new SqlForwardStore(db);
    use(db, new SqlOutbox(db, forwards, Clock.fixed(NOW, ZoneOffset.UTC)));
    alongside(forwards);
  }
}
