package io.spoor.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.store.Database;
import io.spoor.testkit.StatementTexts;
import io.spoor.testkit.TempStore;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link SegmentIds} contract against SQLite. */
@ExtendWith(TempStore.class)
class SqlSegmentIdsTest extends SegmentIdsContract {
  private Database db;
  private SqlSegmentIds ids;

  @BeforeEach
  void make(Database db) {
    this.db = db;
    this.ids = new SqlSegmentIds(db);
    use(db, ids);
  }

  @Test
  void theSegmentIdsOfBatchesOfAnySizeAreLookedUpWithOneStatementText() {
    Set<String> texts = StatementTexts.of(db, () -> {
      for (int size : new int[] {1, 2, 99, 101, 450}) {
        ids.find(1, IntStream.range(0, size).mapToObj(i -> "user-" + i).toList());
      }
    });

    assertEquals(1, texts.size());
  }
}
