package io.spoor.ingest;

import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link AppliedHits} contract against SQLite. */
@ExtendWith(TempStore.class)
class SqlAppliedHitsTest extends AppliedHitsContract {
  @BeforeEach
  void make(Database db) {
    use(db, new SqlAppliedHits(db));
  }
}
