package io.spoor.migrate;

import java.io.PrintStream;
import java.util.List;

/** Every table's rows in the source and in the target after the copy: equal, or the migration failed. */
record CountCheck(List<Row> rows) {
  record Row(String table, long source, long target) {
    boolean matches() {
      return source == target;
    }
  }

  CountCheck {
    rows = List.copyOf(rows);
  }

  boolean matches() {
    return rows.stream().allMatch(Row::matches);
  }

  List<Row> differences() {
    return rows.stream().filter(r -> !r.matches()).toList();
  }

  /** The check as a table, a line per table, then its verdict. */
  void print(PrintStream out) {
    out.printf("%-32s %14s %14s%n", "table", "sqlite", "postgresql");
    for (Row row : rows) {
      out.printf("%-32s %,14d %,14d%s%n", row.table(), row.source(), row.target(), row.matches() ? "" : "  DIFFERS");
    }
    long differ = rows.size() - rows.stream().filter(Row::matches).count();
    out.println(differ == 0 ? "count check: every table's rows match"
        : "count check FAILED: " + differ + (differ == 1 ? " table differs" : " tables differ"));
  }
}
