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

  /** {@link #sum} for each of {@code dims}, by dimension. */
  default Map<Dimension, Map<String, Map<Long, Counts>>> sumAll(ReportQuery q, java.util.List<Dimension> dims,
      boolean perPeriod) {
    Map<Dimension, Map<String, Map<Long, Counts>>> out = new java.util.EnumMap<>(Dimension.class);
    dims.forEach(dim -> out.put(dim, sum(q, dim, perPeriod)));
    return out;
  }

  /** Counts per value over the whole range of each of {@code dims}, by dimension. */
  default Map<Dimension, Map<String, Counts>> byValues(ReportQuery q, Dimension... dims) {
    Map<Dimension, Map<String, Counts>> out = new java.util.EnumMap<>(Dimension.class);
    sumAll(q, java.util.List.of(dims), false).forEach((dim, values) -> {
      Map<String, Counts> counts = new java.util.HashMap<>();
      values.forEach((value, periods) -> counts.put(value, periods.getOrDefault(0L, Counts.ZERO)));
      out.put(dim, counts);
    });
    return out;
  }

  /** Counts per value over the whole range. */
  default Map<String, Counts> byValue(ReportQuery q, Dimension dim) {
    return byValues(q, dim).get(dim);
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
