package io.spoor.report;

import java.util.Map;

/**
 * What the reports add up: the rollup tables without a filter ({@link RollupFigures}), the
 * in-memory index of visits with one ({@link VisitIndex}). Run inside a read transaction.
 */
interface Figures {
  /** The period key of the whole range in a {@link #sum} per period. */
  long WHOLE = Long.MIN_VALUE;

  /**
   * Counts per value of {@code dim} ({@code ""} for {@link Dimension#ALL}), per period of the
   * query's interval (the epoch hour or day) when {@code perPeriod}, else under period 0 for
   * the whole range; per period, the whole range is there too under {@link #WHOLE}. Visit
   * dimensions count their visitors (estimated); pages and events do not.
   */
  Map<String, Map<Long, Counts>> sum(ReportQuery q, Dimension dim, boolean perPeriod);

  /** Counts per value over the whole range. */
  default Map<String, Counts> byValue(ReportQuery q, Dimension dim) {
    Map<String, Counts> out = new java.util.HashMap<>();
    sum(q, dim, false).forEach((value, periods) -> out.put(value, periods.getOrDefault(0L, Counts.ZERO)));
    return out;
  }

  /** The whole's counts over the range. */
  default Counts totals(ReportQuery q) {
    return byValue(q, Dimension.ALL).getOrDefault("", Counts.ZERO.withVisitors(0));
  }

  /** The whole's counts per period, and over the range under {@link #WHOLE}. */
  default Map<Long, Counts> series(ReportQuery q) {
    return sum(q, Dimension.ALL, true).getOrDefault("", Map.of());
  }

  static boolean countsVisitors(Dimension dim) {
    return dim != Dimension.PAGE && dim != Dimension.EVENT;
  }
}
