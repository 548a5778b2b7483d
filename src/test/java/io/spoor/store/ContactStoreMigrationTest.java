package io.spoor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store written before contacts kept their analytics in their own row (schema version 6)
 * opens on the current schema with every contact, company, value, key and counter as it was.
 */
class ContactStoreMigrationTest {
  private static final int BEFORE = 6;

  @TempDir
  Path dir;

  @Test
  void aVersionSixStoreKeepsItsContactsCompaniesValuesKeysAndCounters() {
    SqliteDialect dialect = new SqliteDialect(dir.resolve("spoor.db"));
    try (Database old = Database.openAt(dialect, BEFORE)) {
      old.inTransaction(() -> {
        var h = old.handle();
        h.execute("INSERT INTO crm_object (id, portal_id, object_type, created_at, updated_at, archived) "
            + "VALUES (7, 1, 'CONTACT', 100, 200, FALSE), (8, 1, 'COMPANY', 110, 210, FALSE), "
            + "(9, 1, 'CONTACT', 120, 220, TRUE)");
        h.execute("INSERT INTO contact_analytics (contact_id, num_event_completions, revenue_micros, "
            + "first_timestamp, last_timestamp, num_page_views, num_visits, first_url, first_referrer, last_url, "
            + "source, source_data_1, source_data_2, first_visit_at) VALUES "
            + "(7, 3, 2500000, 150, 190, 4, 2, 'https://a.example/', 'https://ref.example/', "
            + "'https://a.example/last', 'REFERRALS', 'ref.example', NULL, 140)");
        h.execute("INSERT INTO object_property (object_id, name, value, updated_at) VALUES "
            + "(7, 'email', 'ada@example.com', 100), (7, 'firstname', 'Ada', 100), (8, 'domain', 'example.com', 110)");
        h.execute("INSERT INTO unique_value (portal_id, object_type, name, value, object_id) VALUES "
            + "(1, 'CONTACT', 'email', 'ada@example.com', 7), (1, 'COMPANY', 'domain', 'example.com', 8)");
        return null;
      });
    }

    try (Database current = Database.open(dialect)) {
      current.read(() -> {
        var h = current.handle();
        Map<String, Object> ada = row(h.createQuery("SELECT * FROM crm_object WHERE id = 7").mapToMap().one());
        assertEquals(List.of(1L, "CONTACT", 100L, 200L, 3L, 2500000L, 4L, 2L, 150L, 190L, 140L),
            List.of(ada.get("portal_id"), ada.get("object_type"), ada.get("created_at"), ada.get("updated_at"),
                ada.get("num_event_completions"), ada.get("revenue_micros"), ada.get("num_page_views"),
                ada.get("num_visits"), ada.get("first_timestamp"), ada.get("last_timestamp"),
                ada.get("first_visit_at")));
        assertEquals(List.of("https://a.example/", "https://ref.example/", "https://a.example/last", "REFERRALS",
                "ref.example"), List.of(ada.get("first_url"), ada.get("first_referrer"), ada.get("last_url"),
                ada.get("source"), ada.get("source_data_1")));
        assertNull(ada.get("source_data_2"));

        Map<String, Object> company = row(h.createQuery("SELECT * FROM crm_object WHERE id = 8").mapToMap().one());
        assertEquals(List.of("COMPANY", 0L, 0L, 0L, 0L), List.of(company.get("object_type"),
            company.get("num_event_completions"), company.get("revenue_micros"), company.get("num_page_views"),
            company.get("num_visits")));
        assertNull(company.get("first_timestamp"));
        assertEquals(1L, h.createQuery("SELECT archived FROM crm_object WHERE id = 9").mapTo(Long.class).one());

        assertEquals(List.of("ada@example.com", "Ada"), h.createQuery("SELECT value FROM object_property "
            + "WHERE object_id = 7 ORDER BY name").mapTo(String.class).list());
        assertEquals(7L, h.createQuery("SELECT object_id FROM unique_value WHERE portal_id = 1 "
            + "AND object_type = 'CONTACT' AND name = 'email' AND value = 'ada@example.com'").mapTo(Long.class).one());
        assertEquals(List.of(7L), h.createQuery("SELECT object_id FROM unique_value WHERE object_id = 7")
            .mapTo(Long.class).list());
        List<String> objects = h.createQuery("SELECT name FROM sqlite_master ORDER BY name").mapTo(String.class).list();
        assertTrue(objects.containsAll(List.of("crm_object_by_portal", "crm_object_by_created",
            "crm_object_by_updated", "unique_value_by_object")), objects.toString());
        assertTrue(objects.stream().noneMatch(name -> name.startsWith("contact_analytics")), objects.toString());
        return null;
      });
    }
  }

  /** The row with its whole numbers as longs, whatever width the driver chose. */
  private static Map<String, Object> row(Map<String, Object> row) {
    Map<String, Object> longs = new java.util.HashMap<>();
    row.forEach((k, v) -> longs.put(k, v instanceof Number n ? (Object) n.longValue() : v));
    return longs;
  }

  @Test
  void completionsAndHistoryWrittenBeforeSettlingExistedAreSettled() {
    SqliteDialect dialect = new SqliteDialect(dir.resolve("history.db"));
    try (Database old = Database.openAt(dialect, 8)) {
      old.inTransaction(() -> {
        old.handle().execute("INSERT INTO event_completion (portal_id, definition_id, contact_id, hit_id, "
            + "occurred_at, source, properties) VALUES (1, 1, 7, 'h1', 100, 'test', '{}')");
        old.handle().execute("INSERT INTO property_history (object_id, name, value, changed_at, source_type) "
            + "VALUES (7, 'firstname', 'Ada', 100, 'API')");
        return null;
      });
    }
    try (Database current = Database.open(dialect)) {
      current.read(() -> {
        for (String table : List.of("event_completion", "property_history")) {
          assertEquals(1L, current.handle().createQuery("SELECT COUNT(*) FROM " + table + " WHERE "
              + Settling.either(table.equals("event_completion") ? "contact_id = 7" : "object_id = 7") + " AND settled")
              .mapTo(Long.class).one(), table);
        }
        return null;
      });
    }
  }

  @Test
  void aContactRowIsStoredUnderItsIdWithNoSeparateKeyIndex() {
    try (Database db = Database.open(new SqliteDialect(dir.resolve("fresh.db")))) {
      db.inTransaction(() -> {
        db.handle().execute("INSERT INTO crm_object (id, portal_id, object_type, created_at, updated_at, archived) "
            + "VALUES (41, 1, 'CONTACT', 1, 1, FALSE)");
        assertEquals(41L, db.handle().createQuery("SELECT rowid FROM crm_object").mapTo(Long.class).one());
        assertEquals(0, db.handle().createQuery("SELECT COUNT(*) FROM sqlite_master WHERE tbl_name = 'crm_object' "
            + "AND name LIKE 'sqlite_autoindex%'").mapTo(Integer.class).one());
        return null;
      });
    }
  }
}
