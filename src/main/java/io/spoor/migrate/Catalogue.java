package io.spoor.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the two databases' catalogues say: the source's tables and columns, the target's column
 * types, row counts and the schema version each is at. The migrations' history tables are not
 * data: they are left out.
 */
final class Catalogue {
  /** Flyway's history and the one of the versions before it. */
  static final Set<String> HISTORY = Set.of("flyway_schema_history", "schema_version");
  /**
   * Tables whose first rows the migrations write (the counters object ids are reserved from): in
   * a database no server ever wrote to they are not empty, and the source's rows replace them.
   */
  static final Set<String> SEEDED = Set.of("id_sequence");

  private Catalogue() {
  }

  /** The SQLite store's tables (its own internals aside), by name, with their columns. */
  static List<Table> sourceTables(Connection sqlite) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
      while (rs.next()) {
        if (!HISTORY.contains(rs.getString(1))) {
          names.add(rs.getString(1));
        }
      }
    }
    List<Table> tables = new ArrayList<>();
    for (String name : names) {
      List<String> columns = new ArrayList<>();
      try (Statement s = sqlite.createStatement();
          ResultSet rs = s.executeQuery("PRAGMA table_info(" + Table.quoted(name) + ")")) {
        while (rs.next()) {
          columns.add(rs.getString("name"));
        }
      }
      tables.add(new Table(name, columns));
    }
    return tables;
  }

  /** What SQLite's AUTOINCREMENT handed out last per table: a key never given again after a delete. */
  static Map<String, Long> sourceSequences(Connection sqlite) throws SQLException {
    Map<String, Long> last = new HashMap<>();
    try (Statement s = sqlite.createStatement(); ResultSet tables = s.executeQuery(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'")) {
      if (!tables.next()) {
        return last;
      }
    }
    try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery("SELECT name, seq FROM sqlite_sequence")) {
      while (rs.next()) {
        last.put(rs.getString(1), rs.getLong(2));
      }
    }
    return last;
  }

  /** The PostgreSQL database's tables in its current schema (the history aside). */
  static List<String> targetTables(Connection postgres) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = postgres.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
            + "AND table_type = 'BASE TABLE' ORDER BY table_name")) {
      while (rs.next()) {
        if (!HISTORY.contains(rs.getString(1))) {
          names.add(rs.getString(1));
        }
      }
    }
    return names;
  }

  /** A PostgreSQL table's columns and their types ({@code information_schema}'s data_type), in order. */
  static Map<String, String> targetColumns(Connection postgres, String table) throws SQLException {
    Map<String, String> types = new LinkedHashMap<>();
    try (PreparedStatement s = postgres.prepareStatement("SELECT column_name, data_type FROM information_schema.columns "
        + "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
      s.setString(1, table);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          types.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return types;
  }

  /** The PostgreSQL table's columns whose values a sequence hands out (identity or serial). */
  static List<String> sequencedColumns(Connection postgres, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (PreparedStatement s = postgres.prepareStatement("SELECT column_name FROM information_schema.columns "
        + "WHERE table_schema = current_schema() AND table_name = ? "
        + "AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')")) {
      s.setString(1, table);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          columns.add(rs.getString(1));
        }
      }
    }
    return columns;
  }

  static long count(Connection connection, String table) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + Table.quoted(table))) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The last schema version applied, as Flyway recorded it; empty if none was. */
  static Optional<String> schemaVersion(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL "
            + "ORDER BY installed_rank DESC LIMIT 1")) {
      return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
    }
  }
}
