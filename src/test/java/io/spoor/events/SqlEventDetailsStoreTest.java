package io.spoor.events;

import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link EventDetailsStore} contract against SQLite. */
@ExtendWith(TempStore.class)
class SqlEventDetailsStoreTest extends EventDetailsStoreContract {
  @BeforeEach
  void make(Database db) {
    use(db, new SqlEventDetailsStore(db));
  }
}
