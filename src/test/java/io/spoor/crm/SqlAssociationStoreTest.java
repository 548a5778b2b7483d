package io.spoor.crm;

import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link AssociationStore} contract against SQLite. */
@ExtendWith(TempStore.class)
class SqlAssociationStoreTest extends AssociationStoreContract {
  @BeforeEach
  void make(Database db) {
    use(db, new SqlAssociationStore(db));
    alongside(new SqlContactStore(db), new SqlCompanyStore(db));
  }
}
