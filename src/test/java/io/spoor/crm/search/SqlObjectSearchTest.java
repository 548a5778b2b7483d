package io.spoor.crm.search;

import io.spoor.crm.SqlCompanyStore;
import io.spoor.crm.SqlContactStore;
import io.spoor.crm.property.SqlPropertyDefinitionStore;
import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link ObjectSearchStore} contract against SQLite. */
@ExtendWith(TempStore.class)
class SqlObjectSearchTest extends ObjectSearchStoreContract {
  @BeforeEach
  void make(Database db) {
    use(db, new SqlObjectSearch(db));
    alongside(new SqlContactStore(db), new SqlCompanyStore(db), new SqlPropertyDefinitionStore(db, Clock.systemUTC()));
  }
}
