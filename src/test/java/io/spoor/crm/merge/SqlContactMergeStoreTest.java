package io.spoor.crm.merge;

import io.spoor.crm.SqlContactStore;
import io.spoor.crm.property.SqlPropertyDefinitionStore;
import io.spoor.segment.SqlSegmentIds;
import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link ContactMergeStore} contract against SQLite. */
@ExtendWith(TempStore.class)
class SqlContactMergeStoreTest extends ContactMergeStoreContract {
  @BeforeEach
  void make(Database db) {
    use(db, new SqlContactMergeStore(db));
    alongside(new SqlContactStore(db), new SqlPropertyDefinitionStore(db, Clock.systemUTC()), new SqlSegmentIds(db));
  }
}
