package io.spoor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.testkit.TempStore;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bulk writes: every row added is written once, however the rows fall into statements. */
@ExtendWith(TempStore.class)
class JdbcBatchTest {
  private Database db;

  @BeforeEach
  void open(Database db) {
    this.db = db;
    db.inTransaction(() -> db.handle().execute("CREATE TABLE kv (k BIGINT PRIMARY KEY, v TEXT NOT NULL)"));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, JdbcBatch.ROWS_PER_INSERT - 1, JdbcBatch.ROWS_PER_INSERT, JdbcBatch.ROWS_PER_INSERT + 1,
      3 * JdbcBatch.ROWS_PER_INSERT + 7})
  void everyInsertedRowIsWrittenOnceWithItsValues(int rows) {
    db.inTransaction(() -> {
      JdbcBatch insert = new JdbcBatch(db.handle(), "INSERT INTO kv (k, v) VALUES (?, ?)");
      for (long k = 0; k < rows; k++) {
        insert.add(k, "v" + k);
      }
      insert.execute();
      return null;
    });

    Map<Long, String> stored = all();
    assertEquals(rows, stored.size());
    for (long k = 0; k < rows; k++) {
      assertEquals("v" + k, stored.get(k));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, JdbcBatch.ROWS_PER_INSERT + 3})
  void anUpsertOfOneKeyTwiceInOneGroupKeepsTheLaterValue(int rows) {
    db.inTransaction(() -> {
      JdbcBatch upsert = new JdbcBatch(db.handle(),
          "INSERT INTO kv (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v");
      for (int i = 0; i < rows; i++) {
        upsert.add(i % 2L, "round " + i);
      }
      upsert.execute();
      return null;
    });

    assertEquals(Map.of(0L, "round " + (rows - 2 + rows % 2), 1L, "round " + (rows - 1 - rows % 2)), all());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 3})
  void otherStatementsRunOncePerRow(int rows) {
    db.inTransaction(() -> {
      JdbcBatch insert = new JdbcBatch(db.handle(), "INSERT INTO kv (k, v) VALUES (?, ?)");
      for (long k = 0; k < 5; k++) {
        insert.add(k, "v");
      }
      insert.execute();
      JdbcBatch update = new JdbcBatch(db.handle(), "UPDATE kv SET v = ? WHERE k = ?");
      for (long k = 0; k < rows; k++) {
        update.add("changed", k);
      }
      update.execute();
      return null;
    });

    assertEquals(rows, all().values().stream().filter("changed"::equals).count());
  }

  private Map<Long, String> all() {
    List<Map<String, Object>> rows = db.read(() -> db.handle().createQuery("SELECT k, v FROM kv").mapToMap().list());
    return rows.stream().collect(Collectors.toMap(r -> ((Number) r.get("k")).longValue(), r -> (String) r.get("v")));
  }
}
