package io.spoor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.testkit.OnPostgres;
import io.spoor.testkit.TempStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** PostgreSQL's text cannot hold U+0000; a value with one is kept with U+FFFD in its place instead of failing. */
@OnPostgres
@ExtendWith(TempStore.class)
class PostgresStoredTextTest {
  @Test
  void aNulCharacterIsKeptAsAReplacementCharacterWhetherBoundByNameOrInABatch(Database db) {
    db.inTransaction(() -> {
      db.handle().createUpdate("INSERT INTO log_position (log_name, position) VALUES (:name, 1)")
          .bind("name", "by\0name").execute();
      new JdbcBatch(db.handle(), "INSERT INTO log_position (log_name, position) VALUES (?, ?)")
          .add("in\0batch", 2L).execute();
    });
    List<String> names = db.read(() -> db.handle()
        .createQuery("SELECT log_name FROM log_position ORDER BY position").mapTo(String.class).list());
    assertEquals(List.of("by\uFFFDname", "in\uFFFDbatch"), names);
  }
}
