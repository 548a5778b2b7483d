package io.spoor.report;

import io.spoor.store.Database;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * HubSpot's legacy analytics reports, {@code /analytics/v2/reports/{breakdown_by}/{time_period}},
 * in HubSpot's shape and field names, for the {@code totals}, {@code sources} and {@code pages}
 * breakdowns. Visitors are estimated from the daily buckets' sketches: a {@code total} period
 * counts each visitor once, daily ones per day; weekly and monthly periods add up their days'
 * visitors. Each period's breakdowns are summed by value code in flat arrays ({@link Sums}), only
 * the page asked for is sorted out of them, and its rows are written as JSON text straight away.
 */
public final class LegacyReports {
  private final Database db;
  private final RollupFigures rollups;

  /** Reads the buckets (and their cache) of {@code reports}. */
  public LegacyReports(Database db, Reports reports) {
    this.db = db;
    this.rollups = reports.rollups();
  }

  /** The report as JSON text, in HubSpot's shape. */
  String report(LegacyQuery q) {
    Dimension dim = q.dimension();
    ReportQuery range = new ReportQuery(q.portalId(), q.start(), q.end(), ReportQuery.Interval.DAY,
        ReportFilter.NONE);
    LegacyFields fields = LegacyFields.of(q.breakdown().dim);
    return db.read(() -> {
      RollupFigures.Periods periods = rollups.periods(range, dim, q.period()::key,
          q.period() == LegacyQuery.Period.TOTAL);
      List<String> shown = new ArrayList<>(periods.values().size());
      periods.values().forEach(v -> shown.add(q.shown(v)));
      StringBuilder out = new StringBuilder(4096).append('{');
      if (q.period() != LegacyQuery.Period.TOTAL) {
        for (int p = 0; p < periods.keys().length; p++) {
          Sums sums = periods.sums()[p];
          if (sums.any()) {
            out.append('"').append(LocalDate.ofEpochDay(periods.keys()[p])).append("\":");
            page(out, sums, shown, fields, q);
            out.append(',');
          }
        }
        return close(out);
      }
      Sums sums = periods.keys().length == 0 ? new Sums(0, false, false) : periods.sums()[0];
      Sums totals = new Sums(1, Figures.countsVisitors(dim), false);
      for (int code = 0; code < sums.codes(); code++) {
        if (sums.has(code) && shown.get(code) != null) {
          totals.addFrom(sums, code, 0);
        }
      }
      StringBuilder rows = new StringBuilder(4096);
      int[] counted = page(rows, sums, shown, fields, q);
      out.append("\"offset\":").append(q.offset() + counted[0]).append(",\"total\":").append(counted[1])
          .append(",\"totals\":");
      fields.write(out, totals, 0, null);
      return out.append(",\"breakdowns\":").append(rows).append('}').toString();
    });
  }

  private static String close(StringBuilder out) {
    if (out.charAt(out.length() - 1) == ',') {
      out.setLength(out.length() - 1);
    }
    return out.append('}').toString();
  }

  /**
   * Writes the period's breakdowns the request shows as a JSON array, in its order (ties by
   * name), from {@code offset}: the best {@code offset + limit} kept in a heap, so only they are
   * sorted and written. Returns the rows written and how many breakdowns the period has in all.
   */
  private static int[] page(StringBuilder out, Sums sums, List<String> shown, LegacyFields fields, LegacyQuery q) {
    LegacyFields.Value by = fields.sortedBy(q.sort()).value();
    double[] keys = new double[sums.codes()];
    int total = 0;
    for (int code = 0; code < sums.codes(); code++) {
      if (sums.has(code) && shown.get(code) != null) {
        keys[code] = by.of(sums, code);
        total++;
      }
    }
    Comparator<Integer> order = (a, b) -> {
      int c = q.ascending() ? Double.compare(keys[a], keys[b]) : Double.compare(keys[b], keys[a]);
      return c != 0 ? c : shown.get(a).compareTo(shown.get(b));
    };
    long wanted = Math.min(total, (long) q.offset() + q.limit());
    out.append('[');
    if (q.offset() >= wanted) {
      out.append(']');
      return new int[] {0, total};
    }
    PriorityQueue<Integer> worstFirst = new PriorityQueue<>((int) wanted + 1, order.reversed());
    for (int code = 0; code < sums.codes(); code++) {
      if (sums.has(code) && shown.get(code) != null
          && (worstFirst.size() < wanted || order.compare(code, worstFirst.peek()) < 0)) {
        worstFirst.add(code);
        if (worstFirst.size() > wanted) {
          worstFirst.poll();
        }
      }
    }
    List<Integer> best = new ArrayList<>(worstFirst);
    best.sort(order);
    List<Integer> rows = best.subList(q.offset(), best.size());
    for (int code : rows) {
      fields.write(out, sums, code, shown.get(code));
      out.append(',');
    }
    out.setLength(out.length() - 1);
    out.append(']');
    return new int[] {rows.size(), total};
  }
}
