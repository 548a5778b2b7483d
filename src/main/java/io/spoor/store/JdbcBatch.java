package io.spoor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * A statement executed for many rows at once, with positional values: the bulk writes of the
 * ingest path, where binding by name for every row costs more than the insert. An
 * {@code INSERT … VALUES (?, …)} (with or without an {@code ON CONFLICT} clause) runs
 * {@value #ROWS_PER_INSERT} rows per statement, so the database starts one statement per group
 * of rows instead of one per row; other statements run once per row in a JDBC batch.
 */
public final class JdbcBatch {
  static final int ROWS_PER_INSERT = 200;
  private static final Pattern ONE_ROW = Pattern.compile("^(INSERT\\s.*?\\sVALUES\\s*)(\\([?,\\s]+\\))(.*)$",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private final Connection connection;
  private final StoredText text;
  private final String sql;
  private final List<Object[]> rows = new ArrayList<>();

  public JdbcBatch(Handle handle, String sql) {
    this.connection = handle.getConnection();
    this.text = handle.getConfig(StoredText.class);
    this.sql = sql;
  }

  /** Adds one row; values in the order of the statement's {@code ?}s ({@code null} for NULL). */
  public JdbcBatch add(Object... values) {
    rows.add(values);
    return this;
  }

  /** How many rows were added. */
  public int size() {
    return rows.size();
  }

  /** Runs every row added. */
  public void execute() {
    if (rows.isEmpty()) {
      return;
    }
    try {
      Matcher insert = ONE_ROW.matcher(sql);
      if (insert.matches()) {
        insertInGroups(insert.group(1), insert.group(2), insert.group(3));
      } else {
        oneByOne();
      }
    } catch (SQLException e) {
      throw new StoreException("batch statement failed", e);
    }
  }

  private void insertInGroups(String head, String row, String tail) throws SQLException {
    int full = rows.size() / ROWS_PER_INSERT;
    if (full > 0) {
      try (PreparedStatement group = connection.prepareStatement(head + repeat(row, ROWS_PER_INSERT) + tail)) {
        for (int g = 0; g < full; g++) {
          bind(group, g * ROWS_PER_INSERT, ROWS_PER_INSERT);
          group.executeUpdate();
        }
      }
    }
    int rest = rows.size() - full * ROWS_PER_INSERT;
    if (rest > 0) {
      try (PreparedStatement last = connection.prepareStatement(head + repeat(row, rest) + tail)) {
        bind(last, full * ROWS_PER_INSERT, rest);
        last.executeUpdate();
      }
    }
  }

  private void bind(PreparedStatement statement, int from, int count) throws SQLException {
    int index = 1;
    for (int r = from; r < from + count; r++) {
      for (Object value : rows.get(r)) {
        statement.setObject(index++, stored(value));
      }
    }
  }

  private void oneByOne() throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (Object[] values : rows) {
        for (int i = 0; i < values.length; i++) {
          statement.setObject(i + 1, stored(values[i]));
        }
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  private Object stored(Object value) {
    return value instanceof String s ? text.storable(s) : value;
  }

  private static String repeat(String row, int times) {
    StringBuilder all = new StringBuilder(row.length() * times + times);
    for (int i = 0; i < times; i++) {
      all.append(i == 0 ? "" : ", ").append(row);
    }
    return all.toString();
  }
}
