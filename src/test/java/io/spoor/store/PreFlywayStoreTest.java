package io.spoor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store whose schema the runner before Flyway made (its history in {@code schema_version})
 * opens under Flyway with nothing applied twice: what it had becomes Flyway's baseline, and only
 * the migrations it lacks are applied.
 */
class PreFlywayStoreTest {
  private static final Pattern STATEMENT_END = Pattern.compile(";\\s*(\\n|$)");

  @TempDir
  Path dir;

  @Test
  void aStoreMadeBeforeFlywayOpensWithItsRowsAndNoMigrationRunAgain() throws Exception {
    Path file = dir.resolve("spoor.db");
    int latest = migrations().size();
    migrateAsBeforeFlyway(file, latest);
    execute(file, "INSERT INTO portal (hub_id, name, custom_events_enabled, created_at) VALUES (7, 'Old', TRUE, 1)");

    try (Database db = Database.open(new SqliteDialect(file))) {
      db.read(() -> {
        var h = db.handle();
        assertEquals(List.of("BASELINE " + latest), h.createQuery("SELECT type || ' ' || version FROM "
            + Migrations.HISTORY_TABLE + " ORDER BY installed_rank").mapTo(String.class).list());
        assertEquals("Old", h.createQuery("SELECT name FROM portal WHERE hub_id = 7").mapTo(String.class).one());
        assertEquals(latest, h.createQuery("SELECT COUNT(*) FROM schema_version").mapTo(Integer.class).one());
        return null;
      });
    }
  }

  @Test
  void aStoreMadeBeforeFlywayAtAnOlderVersionGetsOnlyTheMigrationsItLacks() throws Exception {
    Path file = dir.resolve("spoor.db");
    int latest = migrations().size();
    migrateAsBeforeFlyway(file, 6);

    try (Database db = Database.open(new SqliteDialect(file))) {
      List<String> history = db.read(() -> db.handle().createQuery("SELECT type || ' ' || version FROM "
          + Migrations.HISTORY_TABLE + " WHERE success ORDER BY installed_rank").mapTo(String.class).list());
      List<String> expected = new ArrayList<>(List.of("BASELINE 6"));
      for (int v = 7; v <= latest; v++) {
        expected.add("SQL " + v);
      }
      assertEquals(expected, history);
    }
    try (Database again = Database.open(new SqliteDialect(file))) {
      assertEquals(latest - 6 + 1, again.read(() -> again.handle().createQuery("SELECT COUNT(*) FROM "
          + Migrations.HISTORY_TABLE).mapTo(Integer.class).one()), "a second start applies nothing");
    }
  }

  /** What the runner before Flyway did: each file's statements, then a row in schema_version, in one transaction. */
  private static void migrateAsBeforeFlyway(Path file, int throughVersion) throws Exception {
    SqliteDialect dialect = new SqliteDialect(file);
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE IF NOT EXISTS schema_version "
            + "(version INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)");
        for (Path migration : migrations().subList(0, throughVersion)) {
          String sql = Files.readString(migration).replace("${id_column}", dialect.idColumn())
              .replace("${assigned_id_column}", dialect.assignedIdColumn())
              .replace("${without_rowid}", dialect.keyOnlyTableSuffix());
          for (String part : STATEMENT_END.split(sql)) {
            String statementText = part.lines().filter(line -> !line.trim().startsWith("--"))
                .reduce("", (a, b) -> a + b + "\n").trim();
            if (!statementText.isEmpty()) {
              statement.execute(statementText);
            }
          }
          statement.execute("INSERT INTO schema_version VALUES (" + version(migration) + ", '"
              + migration.getFileName() + "', 1)");
        }
      }
      connection.commit();
    }
  }

  private static void execute(Path file, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** The migration files, in the order of their numbers. */
  private static List<Path> migrations() throws IOException, URISyntaxException {
    Path folder = Path.of(Migrations.class.getResource("/db/migration").toURI());
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
          .sorted(Comparator.comparingInt(PreFlywayStoreTest::version)).toList();
    }
  }

  private static int version(Path migration) {
    String name = migration.getFileName().toString();
    return Integer.parseInt(name.substring(1, name.indexOf("__")));
  }
}
