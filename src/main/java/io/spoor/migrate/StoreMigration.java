package io.spoor.migrate;

import io.spoor.ingest.FileIngestLog;
import io.spoor.ingest.SqlAppliedHits;
import io.spoor.store.Database;
import io.spoor.store.DirectoryLock;
import io.spoor.store.PostgresDialect;
import io.spoor.store.SqliteDialect;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code spoor migrate --from <data dir> --to <jdbc url> [--force]}: copies the embedded store of
 * a data directory into a PostgreSQL database, then checks every table's row count on both sides.
 *
 * <p>It refuses, changing nothing in the target, when a server holds the data directory (its
 * lock), when the directory's ingest log holds hits not yet applied (a server started once on the
 * directory applies them), and when the target already holds data, unless {@code --force}, which
 * empties the target's tables first. Both databases are first brought to the current schema by
 * the same migrations a server runs, so the copy is between two identical schemas; identity
 * sequences then continue after the highest key the source ever handed out.
 */
public final class StoreMigration {
  /** Rows inserted and committed together. */
  static final int BATCH_ROWS = 1000;
  /** The embedded store's file in a data directory. */
  static final String STORE_FILE = "spoor.db";

  private final Path from;
  private final String to;
  private final boolean force;
  private final PrintStream out;
  private final Progress progress;

  StoreMigration(Path from, String to, boolean force, PrintStream out, Progress progress) {
    this.from = from;
    this.to = to;
    this.force = force;
    this.out = out;
    this.progress = progress;
  }

  /**
   * Runs the command: 0 when every table's rows match, 1 when the count check found a difference;
   * a refusal is thrown. Progress goes to {@code err}, a bar when standard input and output are a
   * terminal.
   */
  public static int run(Path from, String to, boolean force, PrintStream out, PrintStream err) {
    return new StoreMigration(from, to, force, out, new Progress(err, System.console() != null, System::nanoTime))
        .run();
  }

  int run() {
    Path file = from.resolve(STORE_FILE);
    if (!PostgresDialect.isPostgres(to)) {
      throw new MigrationRefusedException("--to must be a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/spoor?"
          + "user=…), was " + PostgresDialect.redacted(to));
    }
    if (!Files.isRegularFile(file)) {
      throw new MigrationRefusedException("there is no embedded store in " + from + " (no " + file.getFileName() + ")");
    }
    try (DirectoryLock lock = DirectoryLock.exclusive(from).orElseThrow(() -> new MigrationRefusedException(
        "a Spoor server is running on " + from + " (it holds " + DirectoryLock.FILE + "): stop it, then migrate"))) {
      prepareSource(file);
      PostgresDialect target = new PostgresDialect(to, PostgresDialect.MIN_POOL_SIZE);
      prepareTarget(target);
      try (Connection source = DriverManager.getConnection("jdbc:sqlite:" + file);
          Connection into = DriverManager.getConnection(to, batchedInserts())) {
        source.setAutoCommit(false);
        into.setAutoCommit(false);
        try {
          return copy(source, into, target);
        } finally {
          source.rollback();
        }
      }
    } catch (SQLException e) {
      throw new MigrationRefusedException("the copy stopped: " + e.getMessage()
          + " (run it again with --force to start over)", e);
    }
  }

  /** Brings the source to the current schema and makes sure its ingest log holds nothing unapplied. */
  private void prepareSource(Path file) {
    try (Database db = Database.open(new SqliteDialect(file))) {
      int unapplied = db.read(() -> FileIngestLog.unapplied(from.resolve("log"), new SqlAppliedHits(db)));
      if (unapplied > 0) {
        throw new MigrationRefusedException("the ingest log in " + from.resolve("log") + " holds " + unapplied
            + " hits not yet applied to the store: start the server on " + from + " once so that it applies "
            + "them, stop it, then migrate");
      }
    }
  }

  private static void prepareTarget(PostgresDialect target) {
    try {
      Database.open(target).close();
    } catch (RuntimeException e) {
      throw new MigrationRefusedException("cannot prepare the target " + PostgresDialect.redacted(target.url())
          + ": " + e.getMessage(), e);
    }
  }

  private int copy(Connection source, Connection target, PostgresDialect dialect) throws SQLException {
    String version = Catalogue.schemaVersion(source).orElse("none");
    String targetVersion = Catalogue.schemaVersion(target).orElse("none");
    if (!version.equals(targetVersion)) {
      throw new MigrationRefusedException("the source is at schema version " + version + ", the target at "
          + targetVersion + ": both must be at this version of Spoor's");
    }
    out.println("from " + from.resolve(STORE_FILE) + " to " + PostgresDialect.redacted(to)
        + " (schema version " + version + ")");
    List<Table> tables = Catalogue.sourceTables(source);
    Map<String, Map<String, String>> targetTypes = targetColumns(target, tables);
    List<String> targetTables = Catalogue.targetTables(target);
    emptyOrRefuse(target, targetTables);
    Map<String, Long> totals = new LinkedHashMap<>();
    for (Table table : tables) {
      totals.put(table.name(), Catalogue.count(source, table.name()));
    }
    progress.start(totals);
    TableCopy copy = new TableCopy(source, target, BATCH_ROWS, dialect::storableText, progress);
    for (Table table : tables) {
      progress.finished(table.name(), copy.copy(table, targetTypes.get(table.name())));
    }
    new Sequences(target).continueAfter(tables, Catalogue.sourceSequences(source));
    progress.done();
    CountCheck check = check(source, target, tables, targetTables);
    check.print(out);
    return check.matches() ? 0 : 1;
  }

  /** Each source table's column types in the target; refused when the target lacks a table or column. */
  private static Map<String, Map<String, String>> targetColumns(Connection target, List<Table> tables)
      throws SQLException {
    Map<String, Map<String, String>> all = new LinkedHashMap<>();
    for (Table table : tables) {
      Map<String, String> columns = Catalogue.targetColumns(target, table.name());
      List<String> missing = table.columns().stream().filter(c -> !columns.containsKey(c)).toList();
      if (columns.isEmpty() || !missing.isEmpty()) {
        throw new MigrationRefusedException("the target's schema differs from the source's: table " + table.name()
            + (columns.isEmpty() ? " is missing" : " has no column " + String.join(", ", missing)));
      }
      all.put(table.name(), columns);
    }
    return all;
  }

  /**
   * Refuses a target holding rows (beyond those its migrations seeded), or, with --force, empties
   * it; the seeded rows make way for the source's either way.
   */
  private void emptyOrRefuse(Connection target, List<String> tables) throws SQLException {
    List<String> holding = new ArrayList<>();
    for (String table : tables) {
      long rows = Catalogue.SEEDED.contains(table) ? 0 : Catalogue.count(target, table);
      if (rows > 0) {
        holding.add(table + " (" + rows + ")");
      }
    }
    if (!holding.isEmpty() && !force) {
      throw new MigrationRefusedException("the target already holds data, in " + holding.size() + " tables: "
          + String.join(", ", holding.subList(0, Math.min(5, holding.size()))) + (holding.size() > 5 ? ", …" : "")
          + "; add --force to replace everything in it with the source's");
    }
    List<String> emptied = holding.isEmpty()
        ? tables.stream().filter(Catalogue.SEEDED::contains).toList() : tables;
    if (!emptied.isEmpty()) {
      try (var truncate = target.createStatement()) {
        truncate.execute("TRUNCATE " + String.join(", ", emptied.stream().map(Table::quoted).toList()));
      }
      target.commit();
    }
    if (!holding.isEmpty()) {
      out.println("--force: emptied the target, whose " + holding.size() + " tables held rows");
    }
  }

  private static CountCheck check(Connection source, Connection target, List<Table> tables, List<String> targetTables)
      throws SQLException {
    List<CountCheck.Row> rows = new ArrayList<>();
    for (Table table : tables) {
      rows.add(new CountCheck.Row(table.name(), Catalogue.count(source, table.name()),
          Catalogue.count(target, table.name())));
    }
    List<String> copied = tables.stream().map(Table::name).toList();
    for (String extra : targetTables) {
      if (!copied.contains(extra)) {
        rows.add(new CountCheck.Row(extra, 0, Catalogue.count(target, extra)));
      }
    }
    return new CountCheck(rows);
  }

  /** Inserts of a batch sent as few multi-row statements: several times faster on PostgreSQL. */
  private static Properties batchedInserts() {
    Properties properties = new Properties();
    properties.setProperty("reWriteBatchedInserts", "true");
    return properties;
  }
}
