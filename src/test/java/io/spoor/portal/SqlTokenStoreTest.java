package io.spoor.portal;

import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link TokenStore} contract against SQLite. */
@ExtendWith(TempStore.class)
class SqlTokenStoreTest extends TokenStoreContract {
  @BeforeEach
  void make(Database db) {
    use(db, new SqlTokenStore(db, Clock.fixed(NOW, ZoneOffset.UTC)));
  }
}
