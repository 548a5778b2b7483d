package io.spoor.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Numbered migrations from {@code db/migration/V<n>__<what>.sql}, applied once each in
 * order and recorded in {@code schema_version}. {@code ${id_column}} in a file is replaced by
 * the dialect's key DDL, {@code ${assigned_id_column}} by its DDL for a key the application
 * assigns, {@code ${without_rowid}} by its suffix for tables that are only a key. Add a file
 * to change the schema; never edit an applied one.
 */
final class Migrations {
  /** Every migration, in order. A new file is listed here too: the jar has no directory listing. */
  static final List<String> FILES = List.of("V1__foundation.sql", "V2__tracking.sql",
      "V3__associations.sql", "V4__search.sql", "V5__unique_custom_values.sql", "V6__log_position.sql",
      "V7__key_only_tables.sql", "V8__contact_analytics_in_crm_object.sql", "V9__unsettled_indexes.sql",
      "V10__assumed_session_start.sql", "V11__rejection_parts.sql", "V12__applied_hit_fingerprint.sql",
      "V13__write_keys.sql",
      "V14__segment_ids.sql");

  private static final Pattern STATEMENT_END = Pattern.compile(";\\s*(\\n|$)");
  private final Database database;

  Migrations(Database database) {
    this.database = database;
  }

  /** Applies, in order, each migration not yet applied whose number is at most {@code throughVersion}. */
  void apply(int throughVersion) {
    Handle handle = database.handle();
    handle.execute("CREATE TABLE IF NOT EXISTS schema_version "
        + "(version INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)");
    Set<Integer> applied = Set.copyOf(
        handle.createQuery("SELECT version FROM schema_version").mapTo(Integer.class).list());
    for (String file : FILES) {
      int version = Integer.parseInt(file.substring(1, file.indexOf("__")));
      if (!applied.contains(version) && version <= throughVersion) {
        statements(file).forEach(handle::execute);
        handle.createUpdate("INSERT INTO schema_version VALUES (:v, :n, :t)")
            .bind("v", version).bind("n", file).bind("t", System.currentTimeMillis()).execute();
      }
    }
  }

  private List<String> statements(String file) {
    String sql = load(file).replace("${id_column}", database.dialect().idColumn())
        .replace("${assigned_id_column}", database.dialect().assignedIdColumn())
        .replace("${without_rowid}", database.dialect().keyOnlyTableSuffix());
    List<String> statements = new ArrayList<>();
    for (String part : STATEMENT_END.split(sql)) {
      String statement = stripComments(part).trim();
      if (!statement.isEmpty()) {
        statements.add(statement);
      }
    }
    return statements;
  }

  private static String stripComments(String sql) {
    return sql.lines().filter(line -> !line.trim().startsWith("--"))
        .reduce("", (a, b) -> a + b + "\n");
  }

  private static String load(String file) {
    try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + file)) {
      if (in == null) {
        throw new IllegalStateException("migration missing from the jar: " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
