package io.spoor.crm;

import io.spoor.crm.property.SqlPropertyDefinitionStore;
import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link ContactStore} contract against SQLite. */
@ExtendWith(TempStore.class)
class SqlContactStoreTest extends ContactStoreContract {
  @BeforeEach
  void make(Database db) {
    use(db, new SqlContactStore(db));
    alongside(new SqlCompanyStore(db), new SqlPropertyDefinitionStore(db, Clock.systemUTC()));
  }
}
