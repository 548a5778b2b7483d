package io.spoor.events;

import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link CompletionStore} contract against SQLite. */
@ExtendWith(TempStore.class)
class SqlCompletionStoreTest extends CompletionStoreContract {
  private Database db;

  @BeforeEach
  void make(Database db) {
    this.db = db;
    use(db, new SqlCompletionStore(db));
  }

  @Override
  long define(String name) {
    return db.inTransaction(() -> new SqlEventDefinitionStore(db).create(1, name, Origin.DYNAMIC, 0).id());
  }
}
