package io.spoor.report;

import io.spoor.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A report's filter, {@code key:value} terms joined by {@code ;}, every term required:
 * {@code filter=source:ORGANIC_SEARCH;page:/pricing}. Keys name a visit's dimensions, so a
 * filter keeps the visits that match it: {@code source}, {@code source_data_1},
 * {@code source_data_2}, {@code device}, {@code browser}, {@code os}, {@code page} (the page the
 * visit entered on) and {@code exit} (the page it left from).
 */
record ReportFilter(Map<String, String> terms) {
  static final Map<String, String> COLUMNS = Map.of("source", "source", "source_data_1", "source_data_1",
      "source_data_2", "source_data_2", "device", "device", "browser", "browser", "os", "os", "page", "entry_path",
      "exit", "exit_path");
  static final ReportFilter NONE = new ReportFilter(Map.of());

  ReportFilter {
    terms = Map.copyOf(terms);
  }

  static ReportFilter parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return NONE;
    }
    Map<String, String> terms = new LinkedHashMap<>();
    for (String term : raw.split(";")) {
      if (term.isBlank()) {
        continue;
      }
      int colon = term.indexOf(':');
      String key = colon < 0 ? term.trim() : term.substring(0, colon).trim();
      if (colon < 0 || !COLUMNS.containsKey(key) || colon == term.length() - 1) {
        throw new InvalidInputException("filter: each term is key:value with a key among "
            + String.join(", ", new java.util.TreeSet<>(COLUMNS.keySet())) + " (got '" + term + "')");
      }
      terms.put(key, term.substring(colon + 1));
    }
    return new ReportFilter(terms);
  }

  boolean isEmpty() {
    return terms.isEmpty();
  }

  /** The filter as a SQL condition on {@code report_session} (" AND ..."), its values bound by name. */
  String sql() {
    StringBuilder sql = new StringBuilder();
    terms.keySet().stream().sorted().forEach(key -> sql.append(" AND ").append(COLUMNS.get(key)).append(" = :f_")
        .append(key));
    return sql.toString();
  }
}
