package io.spoor.report;

/**
 * A report's filter resolved against a portal's dictionaries: the code each visit column must
 * hold ({@code -1}: any) and the events, by ID and sorted, one of which the visit must have
 * completed ({@code null}: any).
 */
record VisitFilter(int[] codes, long[] events) {
  /** Whether a visit has every code asked for (its events are checked apart). */
  boolean matchesColumns(VisitDay day, int v) {
    for (int c = 0; c < VisitDay.COLUMNS; c++) {
      int w = codes[c];
      if (w >= 0 && day.columns[c][v] != w) {
        return false;
      }
    }
    return true;
  }
}
