package io.spoor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.testkit.PostgresServer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both stores have one migration for each number, and end with the same tables, columns and
 * column nullability: a migration added for one database without its twin fails here.
 */
class DialectParityTest {
  @TempDir
  Path dir;

  @Test
  void everyMigrationNumberHasAFileForBothDatabases() throws Exception {
    assertEquals(versions("db/migration"), versions("db/postgresql"));
  }

  @Test
  void bothDatabasesEndWithTheSameTablesAndColumns() {
    Map<String, String> sqlite;
    try (Database db = Database.open(new SqliteDialect(dir.resolve("spoor.db")))) {
      sqlite = columns(db, "SELECT m.name AS t, p.name AS c, (p.\"notnull\" = 1 OR p.pk > 0) AS required "
          + "FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' "
          + "AND m.name NOT LIKE 'sqlite%'");
    }
    PostgresServer server = PostgresServer.shared();
    String url = server.newDatabase();
    Map<String, String> postgres;
    try (Database db = Database.open(new PostgresDialect(url, PostgresDialect.MIN_POOL_SIZE))) {
      postgres = columns(db, "SELECT table_name AS t, column_name AS c, is_nullable = 'NO' AS required "
          + "FROM information_schema.columns WHERE table_schema = 'public'");
    } finally {
      server.drop(url);
    }
    assertEquals(sqlite, postgres);
  }

  private static Map<String, String> columns(Database db, String sql) {
    return db.read(() -> db.handle().createQuery(sql).mapToMap().list().stream()
        .filter(r -> !r.get("t").toString().equals(Migrations.HISTORY_TABLE))
        .collect(Collectors.toMap(r -> r.get("t") + "." + r.get("c"),
            r -> Boolean.TRUE.equals(r.get("required")) || Integer.valueOf(1).equals(r.get("required"))
                ? "NOT NULL" : "NULL",
            (a, b) -> a, TreeMap::new)));
  }

  private static TreeSet<String> versions(String folder) throws IOException, URISyntaxException {
    Path path = Path.of(DialectParityTest.class.getClassLoader().getResource(folder).toURI());
    try (Stream<Path> files = Files.list(path)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("V"))
          .map(n -> n.substring(0, n.indexOf("__"))).collect(Collectors.toCollection(TreeSet::new));
    }
  }
}
