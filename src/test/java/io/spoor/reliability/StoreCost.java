package io.spoor.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * What a running server's store holds, read from outside through a read-only connection: the
 * rows of every table, the database's size as of its last commit (pages in use, wherever they
 * are, file or write-ahead log) and the bytes of the file and its log on disk.
 */
record StoreCost(long rows, long bytes, long fileBytes) {
  /** The most rows one accepted hit may add to the store. */
  static final long ROWS_PER_HIT = 4;
  /** The most bytes one accepted hit may add to the store. */
  static final long BYTES_PER_HIT = 12 * 1024;

  static StoreCost of(Path data) {
    Path db = data.resolve("spoor.db");
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    try (Connection c = config.createConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' "
          + "AND name NOT LIKE 'sqlite_%'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      long rows = 0;
      for (String table : tables) {
        rows += one(s, "SELECT COUNT(*) FROM \"" + table + "\"");
      }
      long bytes = (one(s, "PRAGMA page_count") - one(s, "PRAGMA freelist_count")) * one(s, "PRAGMA page_size");
      return new StoreCost(rows, bytes, size(db) + size(data.resolve("spoor.db-wal")));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the store in " + data, e);
    }
  }

  /** What was added since {@code before}. */
  StoreCost since(StoreCost before) {
    return new StoreCost(rows - before.rows, bytes - before.bytes, fileBytes - before.fileBytes);
  }

  private static long one(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long size(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
