package io.spoor.crm.gdpr;

import io.spoor.crm.SqlContactStore;
import io.spoor.crm.property.SqlPropertyDefinitionStore;
import io.spoor.segment.SqlSegmentIds;
import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link GdprDeleteStore} contract against SQLite. */
@ExtendWith(TempStore.class)
class SqlGdprDeleteStoreTest extends GdprDeleteStoreContract {
  @BeforeEach
  void make(Database db) {
    use(db, new SqlGdprDeleteStore(db));
    alongside(new SqlContactStore(db), new SqlPropertyDefinitionStore(db, Clock.systemUTC()), new SqlSegmentIds(db));
  }
}
