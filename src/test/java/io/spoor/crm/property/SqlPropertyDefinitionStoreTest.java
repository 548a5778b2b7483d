package io.spoor.crm.property;

import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link io.spoor.crm.PropertyDefinitionStore} contract against SQLite. */
@ExtendWith(TempStore.class)
class SqlPropertyDefinitionStoreTest extends PropertyDefinitionStoreContract {
  @BeforeEach
  void make(Database db) {
    use(db, new SqlPropertyDefinitionStore(db, Clock.systemUTC()));
  }
}
