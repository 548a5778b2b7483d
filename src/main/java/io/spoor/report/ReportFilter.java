package io.spoor.report;

import io.spoor.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A report's filter, {@code key:value} terms joined by {@code ;}, every term required:
 * {@code filter=source:ORGANIC_SEARCH;page:/pricing}. Keys name a visit's dimensions, so a
 * filter keeps the visits that match it: {@code source}, {@code source_data_1},
 * {@code source_data_2}, {@code device}, {@code browser}, {@code os}, {@code page} (the page the
 * visit entered on), {@code exit} (the page it left from) and {@code event} (the visits in which
 * the event, named by its definition's numeric ID or by its name, was completed).
 */
record ReportFilter(Map<String, String> terms) {
  /** The key of the event term: the visits that completed the event named by ID or name. */
  static final String EVENT = "event";
  static final java.util.Set<String> KEYS = java.util.Set.of("source", "source_data_1", "source_data_2", "device",
      "browser", "os", "page", "exit", EVENT);
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
      if (colon < 0 || !KEYS.contains(key) || colon == term.length() - 1) {
        throw new InvalidInputException("filter: each term is key:value with a key among "
            + String.join(", ", new java.util.TreeSet<>(KEYS)) + " (got '" + term + "')");
      }
      terms.put(key, term.substring(colon + 1));
    }
    return new ReportFilter(terms);
  }

  boolean isEmpty() {
    return terms.isEmpty();
  }
}
