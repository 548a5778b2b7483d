package io.spoor.migrate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.function.UnaryOperator;

/**
 * How a value read from SQLite is written to a PostgreSQL column of each kind. SQLite keeps
 * booleans as 0 and 1 and blobs as bytes; PostgreSQL's text cannot hold U+0000, so text goes
 * through the target's rule for stored text (U+FFFD instead), as every write to it does.
 */
enum ColumnType {
  INTEGER, BOOLEAN, BYTES, JSON, TEXT, OTHER;

  /** The kind of a column of {@code information_schema.columns}' data_type. */
  static ColumnType of(String dataType) {
    return switch (dataType) {
      case "bigint", "integer", "smallint" -> INTEGER;
      case "boolean" -> BOOLEAN;
      case "bytea" -> BYTES;
      case "json", "jsonb" -> JSON;
      case "text", "character varying", "character" -> TEXT;
      default -> OTHER;
    };
  }

  /** Binds column {@code from} of the current row as parameter {@code to}. */
  void copy(ResultSet row, int from, PreparedStatement into, int to, UnaryOperator<String> storable)
      throws SQLException {
    switch (this) {
      case INTEGER -> {
        long value = row.getLong(from);
        if (row.wasNull()) {
          into.setNull(to, Types.BIGINT);
        } else {
          into.setLong(to, value);
        }
      }
      case BOOLEAN -> {
        long value = row.getLong(from);
        if (row.wasNull()) {
          into.setNull(to, Types.BOOLEAN);
        } else {
          into.setBoolean(to, value != 0);
        }
      }
      case BYTES -> into.setBytes(to, row.getBytes(from));
      case JSON -> {
        String value = row.getString(from);
        into.setObject(to, value == null ? null : storable.apply(value), Types.OTHER);
      }
      case TEXT -> {
        String value = row.getString(from);
        into.setString(to, value == null ? null : storable.apply(value));
      }
      default -> into.setObject(to, row.getObject(from));
    }
  }
}
