package io.spoor.events;

import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link EventDefinitionStore} contract against SQLite. */
@ExtendWith(TempStore.class)
class SqlEventDefinitionStoreTest extends EventDefinitionStoreContract {
  @BeforeEach
  void make(Database db) {
    use(db, new SqlEventDefinitionStore(db));
  }
}
