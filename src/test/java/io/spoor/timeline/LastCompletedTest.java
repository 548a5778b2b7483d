package io.spoor.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.store.Database;
import io.spoor.store.SqliteDialect;
import io.spoor.testkit.TempStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** When each event definition was last completed: its latest completion, read from an index, never a scan. */
@ExtendWith(TempStore.class)
class LastCompletedTest {
  private static void definition(Database db, long id, long portal) {
    db.handle().execute("INSERT INTO event_definition (id, portal_id, name, origin, completions, created_at) "
        + "VALUES (?, ?, ?, 'dynamic', 0, 0)", id, portal, "event " + id);
  }

  private static void completion(Database db, long id, long portal, long definition, long at) {
    db.handle().execute("INSERT INTO event_completion (id, portal_id, definition_id, contact_id, hit_id, "
        + "occurred_at, source, properties) VALUES (?, ?, ?, NULL, ?, ?, 'test', '{}')",
        id, portal, definition, "hit-" + id, at);
  }

  @Test
  void eachDefinitionGetsTheTimeOfItsLatestCompletionInItsPortalOnly(Database db) {
    db.inTransaction(() -> {
      definition(db, 1, 7);
      definition(db, 2, 7);
      definition(db, 3, 7);
      definition(db, 4, 8);
      completion(db, 1, 7, 1, 500);
      completion(db, 2, 7, 1, 900);
      completion(db, 3, 7, 1, 700);
      completion(db, 4, 7, 2, 300);
      completion(db, 5, 8, 4, 2_000);
      return null;
    });
    SqlActivityStore store = new SqlActivityStore(db);
    assertEquals(Map.of(1L, 900L, 2L, 300L), db.read(() -> store.lastCompleted(7, List.of(1L, 2L, 3L, 4L))));
    assertEquals(Map.of(), db.read(() -> store.lastCompleted(7, List.of())));
  }

  @Test
  void theLatestCompletionOfADefinitionIsReadFromAnIndexRatherThanByScanningItsCompletions(Database db) {
    Assumptions.assumeTrue(db.dialect() instanceof SqliteDialect, "the plan read is SQLite's");
    String plan = String.join("\n", db.read(() -> db.handle().createQuery("EXPLAIN QUERY PLAN "
            + SqlActivityStore.LAST_COMPLETED.replace("<ids>", "1, 2"))
        .bind("portal", 7).map((rs, ctx) -> rs.getString("detail")).list()));
    assertTrue(plan.contains("event_completion_last_seen"), plan);
    assertFalse(plan.contains("SCAN event_completion"), plan);
  }
}
