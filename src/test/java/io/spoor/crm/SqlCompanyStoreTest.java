package io.spoor.crm;

import io.spoor.crm.property.SqlPropertyDefinitionStore;
import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The company {@link ObjectStore} contract against SQLite. */
@ExtendWith(TempStore.class)
class SqlCompanyStoreTest extends CompanyStoreContract {
  @BeforeEach
  void make(Database db) {
    use(db, new SqlCompanyStore(db));
    alongside(new SqlContactStore(db), new SqlPropertyDefinitionStore(db, Clock.systemUTC()));
  }
}
