package io.spoor.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Numbered migrations from the dialect's folder ({@code db/migration/V<n>__<what>.sql} for SQLite,
 * {@code db/postgresql/} with the same numbers for PostgreSQL), applied by Flyway once each
 * in order, all that are pending in one transaction, and recorded in
 * {@code flyway_schema_history}. {@code ${id_column}} in a file is replaced by the dialect's
 * key DDL, {@code ${assigned_id_column}} by its DDL for a key the application assigns,
 * {@code ${without_rowid}} by its suffix for tables that are only a key. Add a file to change
 * the schema; never edit an applied one (Flyway refuses to start on a changed checksum).
 *
 * <p>A store made before Flyway recorded its migrations in {@code schema_version}: its first
 * start under Flyway takes the highest version there as Flyway's baseline, so nothing is
 * applied twice, and leaves that table as it was.
 */
final class Migrations {
  static final String HISTORY_TABLE = "flyway_schema_history";
  static final String LEGACY_TABLE = "schema_version";

  private final DataSource dataSource;
  private final Dialect dialect;

  Migrations(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /** Applies, in order, each migration not yet applied whose number is at most {@code throughVersion}. */
  void apply(int throughVersion) {
    FluentConfiguration configuration = Flyway.configure().dataSource(dataSource)
        .locations(dialect.migrations()).table(HISTORY_TABLE).group(true)
        .placeholders(Map.of("id_column", dialect.idColumn(), "assigned_id_column", dialect.assignedIdColumn(),
            "without_rowid", dialect.keyOnlyTableSuffix()))
        .target(throughVersion == Integer.MAX_VALUE ? MigrationVersion.LATEST
            : MigrationVersion.fromVersion(Integer.toString(throughVersion)));
    Optional<Integer> legacy = legacyVersion();
    if (legacy.isPresent()) {
      configuration.baselineVersion(Integer.toString(legacy.get()))
          .baselineDescription("applied before Flyway (" + LEGACY_TABLE + ")").load().baseline();
    }
    configuration.load().migrate();
  }

  /** The last version a pre-Flyway store applied, when it has no Flyway history yet. */
  private Optional<Integer> legacyVersion() {
    try (Connection connection = dataSource.getConnection()) {
      if (!hasTable(connection, LEGACY_TABLE) || hasTable(connection, HISTORY_TABLE)) {
        return Optional.empty();
      }
      try (Statement statement = connection.createStatement();
          ResultSet max = statement.executeQuery("SELECT MAX(version) FROM " + LEGACY_TABLE)) {
        int version = max.next() ? max.getInt(1) : 0;
        return version > 0 ? Optional.of(version) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the store's migration history", e);
    }
  }

  private static boolean hasTable(Connection connection, String table) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    try (ResultSet tables = meta.getTables(null, null, table, new String[] {"TABLE"})) {
      return tables.next();
    }
  }
}
