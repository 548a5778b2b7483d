package io.spoor.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Copies a table's rows from SQLite to PostgreSQL: one streaming read of the source (SQLite
 * steps through the rows as they are taken, so memory stays the same for any number) and
 * inserts in batches of {@code batchRows}, each committed on its own. The source connection's
 * open transaction keeps every table's read in one snapshot.
 */
final class TableCopy {
  private final Connection source;
  private final Connection target;
  private final int batchRows;
  private final UnaryOperator<String> storable;
  private final Progress progress;

  TableCopy(Connection source, Connection target, int batchRows, UnaryOperator<String> storable, Progress progress) {
    if (batchRows < 1) {
      throw new IllegalArgumentException("batchRows must be at least 1, was " + batchRows);
    }
    this.source = source;
    this.target = target;
    this.batchRows = batchRows;
    this.storable = storable;
    this.progress = progress;
  }

  /** Copies every row of {@code table}, whose target columns have {@code targetTypes}; the rows copied. */
  long copy(Table table, Map<String, String> targetTypes) throws SQLException {
    List<ColumnType> types = new ArrayList<>();
    for (String column : table.columns()) {
      types.add(ColumnType.of(targetTypes.get(column)));
    }
    String placeholders = String.join(", ", table.columns().stream().map(c -> "?").toList());
    long copied = 0;
    try (Statement read = source.createStatement();
        ResultSet rows = read.executeQuery("SELECT " + table.columnList() + " FROM " + table.quotedName());
        PreparedStatement insert = target.prepareStatement("INSERT INTO " + table.quotedName() + " ("
            + table.columnList() + ") VALUES (" + placeholders + ")")) {
      int pending = 0;
      while (rows.next()) {
        for (int i = 0; i < types.size(); i++) {
          types.get(i).copy(rows, i + 1, insert, i + 1, storable);
        }
        insert.addBatch();
        if (++pending == batchRows) {
          copied += flush(insert, pending);
          progress.copied(table.name(), copied);
          pending = 0;
        }
      }
      if (pending > 0) {
        copied += flush(insert, pending);
        progress.copied(table.name(), copied);
      }
    }
    return copied;
  }

  private int flush(PreparedStatement insert, int rows) throws SQLException {
    insert.executeBatch();
    target.commit();
    return rows;
  }
}
