package io.spoor.segment;

import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link SegmentIds} contract against SQLite. */
@ExtendWith(TempStore.class)
class SqlSegmentIdsTest extends SegmentIdsContract {
  @BeforeEach
  void make(Database db) {
    use(db, new SqlSegmentIds(db));
  }
}
