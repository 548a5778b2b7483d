package io.spoor.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * After the copy, each identity column's sequence continues after the highest key the source
 * handed out: the copied rows' highest, or higher where SQLite's AUTOINCREMENT remembers a key
 * given to a row since deleted (a key is never reused).
 */
final class Sequences {
  private final Connection target;

  Sequences(Connection target) {
    this.target = target;
  }

  void continueAfter(List<Table> tables, Map<String, Long> handedOut) throws SQLException {
    for (Table table : tables) {
      for (String column : Catalogue.sequencedColumns(target, table.name())) {
        long floor = handedOut.getOrDefault(table.name(), 0L);
        String highest = "GREATEST(COALESCE(MAX(" + Table.quoted(column) + "), 0), ?)";
        try (PreparedStatement set = target.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?), GREATEST("
            + highest + ", 1), " + highest + " > 0) FROM " + table.quotedName())) {
          set.setString(1, table.quotedName());
          set.setString(2, column);
          set.setLong(3, floor);
          set.setLong(4, floor);
          set.executeQuery().close();
        }
      }
    }
    target.commit();
  }
}
