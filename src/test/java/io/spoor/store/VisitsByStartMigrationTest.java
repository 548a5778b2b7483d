package io.spoor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store written before the visits were keyed in the order of their start (schema version 26)
 * opens with every visit as it was, keyed by portal, start and visitor, with the index by change
 * and without the index by start (the key serves it).
 */
class VisitsByStartMigrationTest {
  private static final int BEFORE = 26;
  private static final String COLUMNS = "portal_id, utk, started_at, last_at, entry_path, exit_path, page_views, "
      + "source, source_data_1, source_data_2, device, browser, os, new_contacts, changed_at";

  @TempDir
  Path dir;

  @Test
  void aVersionTwentySixStoreKeepsEveryVisitAndLosesOnlyTheIndexByStart() {
    SqliteDialect dialect = new SqliteDialect(dir.resolve("spoor.db"));
    List<String> before;
    try (Database old = Database.openAt(dialect, BEFORE)) {
      before = old.inTransaction(() -> {
        old.handle().execute("INSERT INTO report_session (" + COLUMNS + ") VALUES "
            + "(1, 'b', 200, 260, '/in', '/out', 3, 'REFERRALS', 'ref.example', '', 'mobile', 'Safari', 'iOS', 1, 9), "
            + "(1, 'a', 300, 300, '/', '/', 1, 'DIRECT_TRAFFIC', '', '', 'desktop', 'Chrome', 'Linux', 0, 8), "
            + "(2, 'a', 100, 150, '/x', '/y', 2, 'ORGANIC_SEARCH', 'google', '', 'tablet', 'Firefox', 'Android', 0, 7)");
        return rows(old);
      });
    }

    try (Database current = Database.open(dialect)) {
      current.read(() -> {
        assertEquals(before, rows(current));
        List<String> indexes = current.handle().createQuery("SELECT name FROM sqlite_master WHERE type = 'index' "
            + "AND tbl_name = 'report_session'").mapTo(String.class).list();
        assertTrue(indexes.contains("report_session_changed"), indexes.toString());
        assertTrue(indexes.stream().noneMatch(name -> name.equals("report_session_time")), indexes.toString());
        assertEquals(List.of("portal_id", "started_at", "utk"), current.handle().createQuery(
            "SELECT name FROM pragma_table_info('report_session') WHERE pk > 0 ORDER BY pk").mapTo(String.class).list());
        assertEquals(0, current.handle().createQuery("SELECT COUNT(*) FROM report_visit_version").mapTo(Integer.class)
            .one(), "no version until a batch writes visits");
        return null;
      });
    }
  }

  private static List<String> rows(Database db) {
    return db.handle().createQuery("SELECT " + COLUMNS + " FROM report_session ORDER BY portal_id, utk, started_at")
        .mapToMap().list().stream().map(Object::toString).toList();
  }
}
