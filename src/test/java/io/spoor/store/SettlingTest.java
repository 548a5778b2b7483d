package io.spoor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.TempStore;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** New rows wait in the small index until enough have gathered, then all move at once. */
@ExtendWith(TempStore.class)
class SettlingTest {
  private Database db;

  @BeforeEach
  void open(Database db) {
    this.db = db;
  }

  @Test
  void rowsStayUnsettledUntilTheLimitIsReachedAndThenAllSettle() {
    Settling settling = new Settling(db, "event_completion", 3);
    write(() -> {
      insertUnsettled(1, 2);
      settling.added(2);
    });
    assertEquals(List.of(0L, 2L), halves());

    write(() -> {
      insertUnsettled(3, 1);
      settling.added(1);
    });
    assertEquals(List.of(3L, 0L), halves());
  }

  @Test
  void whatRunsBeforeSettlingRunsOnceWhenTheRowsSettleWhileTheyAreStillUnsettled() {
    Settling settling = new Settling(db, "event_completion", 3);
    List<List<Long>> seen = new java.util.ArrayList<>();
    write(() -> {
      insertUnsettled(1, 2);
      settling.added(2, () -> seen.add(halvesInTransaction()));
    });
    assertEquals(List.of(), seen);
    write(() -> {
      insertUnsettled(3, 1);
      settling.added(1, () -> seen.add(halvesInTransaction()));
    });
    assertEquals(List.of(List.of(0L, 3L)), seen);
    assertEquals(List.of(3L, 0L), halves());
  }

  @Test
  void aNewSettlingCountsTheRowsLeftUnsettledBeforeIt() {
    write(() -> insertUnsettled(1, 2));
    Settling settling = new Settling(db, "event_completion", 3);
    write(() -> {
      insertUnsettled(3, 1);
      settling.added(1);
    });
    assertEquals(List.of(3L, 0L), halves());
  }

  @Test
  void aDatabaseHasOneSettlingPerTableForAllItsWriters() {
    assertSame(db.settling("property_history"), db.settling("property_history"));
    assertNotSame(db.settling("property_history"), db.settling("event_completion"));
  }

  @Test
  void eitherFindsRowsOfBothHalvesEachThroughItsOwnIndex() {
    Settling settling = new Settling(db, "event_completion", 2);
    write(() -> {
      insertUnsettled(1, 2);
      settling.added(2);
      insertUnsettled(3, 1);
    });
    assertEquals(List.of(2L, 1L), halves());

    String query = "SELECT id FROM event_completion WHERE " + Settling.either("contact_id = 7") + " ORDER BY id";
    assertEquals(List.of(1L, 2L, 3L), db.read(() -> db.handle().createQuery(query).mapTo(Long.class).list()));
    org.junit.jupiter.api.Assumptions.assumeTrue(db.dialect() instanceof SqliteDialect, "the plan read is SQLite's");
    String plan = String.join("\n", db.read(() -> db.handle().createQuery("EXPLAIN QUERY PLAN " + query)
        .map((rs, ctx) -> rs.getString("detail")).list()));
    assertTrue(plan.contains("event_completion_by_contact") && plan.contains("event_completion_unsettled"), plan);
    assertFalse(plan.contains("SCAN event_completion"), plan);
  }

  private void insertUnsettled(int firstId, int count) {
    for (int id = firstId; id < firstId + count; id++) {
      db.handle().execute("INSERT INTO event_completion (id, portal_id, definition_id, contact_id, hit_id, "
          + "occurred_at, source, properties, settled) VALUES (?, 1, 1, 7, ?, ?, 'test', '{}', FALSE)",
          id, "hit-" + id, 1000L + id);
    }
  }

  /** How many rows are settled, and how many are not. */
  private List<Long> halves() {
    return db.read(this::halvesInTransaction);
  }

  private List<Long> halvesInTransaction() {
    return List.of(
        db.handle().createQuery("SELECT COUNT(*) FROM event_completion WHERE settled").mapTo(Long.class).one(),
        db.handle().createQuery("SELECT COUNT(*) FROM event_completion WHERE NOT settled").mapTo(Long.class).one());
  }

  private void write(Runnable work) {
    db.inTransaction(work);
  }
}
