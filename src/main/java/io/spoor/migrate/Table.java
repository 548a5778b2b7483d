package io.spoor.migrate;

import java.util.List;

/**
 * A table to copy: its name and its columns as the source has them. Names come from the
 * databases' catalogues and are quoted wherever they are put in SQL.
 */
record Table(String name, List<String> columns) {
  Table {
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a table has at least one column: " + name);
    }
  }

  /** {@code name} as an SQL identifier, for both databases. */
  static String quoted(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  String quotedName() {
    return quoted(name);
  }

  /** The columns as an SQL list. */
  String columnList() {
    return String.join(", ", columns.stream().map(Table::quoted).toList());
  }
}
