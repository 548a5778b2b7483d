package io.spoor.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;

/**
 * A prepared statement executed for many rows at once, with positional values: the bulk
 * writes of the ingest path, where binding by name for every row costs more than the insert.
 */
public final class JdbcBatch {
  private final PreparedStatement statement;
  private int rows;

  public JdbcBatch(Handle handle, String sql) {
    try {
      this.statement = handle.getConnection().prepareStatement(sql);
    } catch (SQLException e) {
      throw new StoreException("cannot prepare a batch statement", e);
    }
  }

  /** Adds one row; values in the order of the statement's {@code ?}s ({@code null} for NULL). */
  public JdbcBatch add(Object... values) {
    try {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.addBatch();
      rows++;
      return this;
    } catch (SQLException e) {
      throw new StoreException("cannot bind a batch row", e);
    }
  }

  /** Runs every row added, then releases the statement. */
  public void execute() {
    try (statement) {
      if (rows > 0) {
        statement.executeBatch();
      }
    } catch (SQLException e) {
      throw new StoreException("batch statement failed", e);
    }
  }
}
