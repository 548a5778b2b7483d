package io.spoor.bench.scale;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The seeder's inserts: rows go in JDBC batches, every statement's batch is run in the order the
 * statements were prepared, and a commit follows every million rows or so.
 */
final class Batches implements AutoCloseable {
  private static final int BATCH = 5_000;
  private static final long ROWS_PER_COMMIT = 1_000_000;

  private final Connection db;
  private final List<PreparedStatement> statements = new ArrayList<>();
  private int pending;
  private long uncommitted;

  Batches(Connection db) {
    this.db = db;
  }

  PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement statement = db.prepareStatement(sql);
    statements.add(statement);
    return statement;
  }

  /** One row of the statement; {@code null} values are SQL NULLs. */
  void add(PreparedStatement statement, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      statement.setObject(i + 1, values[i]);
    }
    statement.addBatch();
    if (++pending >= BATCH) {
      flush();
    }
  }

  void flush() throws SQLException {
    for (PreparedStatement statement : statements) {
      statement.executeBatch();
    }
    uncommitted += pending;
    pending = 0;
    if (uncommitted >= ROWS_PER_COMMIT) {
      db.commit();
      uncommitted = 0;
    }
  }

  @Override
  public void close() throws SQLException {
    flush();
    for (PreparedStatement statement : statements) {
      statement.close();
    }
  }
}
