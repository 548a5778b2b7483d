package io.spoor.report;

import io.spoor.store.Database;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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
 * visitors. Each period's breakdowns are summed by value code in flat arrays ({@link Sums}) and
 * only the page asked for is sorted out of them and built into rows.
 */
public final class LegacyReports {
  private final Database db;
  private final RollupFigures rollups;

  /** Reads the buckets (and their cache) of {@code reports}. */
  public LegacyReports(Database db, Reports reports) {
    this.db = db;
    this.rollups = reports.rollups();
  }

  JsonObject report(LegacyQuery q) {
    Dimension dim = q.dimension();
    ReportQuery range = new ReportQuery(q.portalId(), q.start(), q.end(), ReportQuery.Interval.DAY,
        ReportFilter.NONE);
    LegacyFields fields = LegacyFields.of(q.breakdown().dim);
    return db.read(() -> {
      RollupFigures.Periods periods = rollups.periods(range, dim, q.period()::key,
          q.period() == LegacyQuery.Period.TOTAL);
      List<String> shown = new ArrayList<>(periods.values().size());
      periods.values().forEach(v -> shown.add(q.shown(v)));
      if (q.period() != LegacyQuery.Period.TOTAL) {
        JsonObject out = new JsonObject();
        for (int p = 0; p < periods.keys().length; p++) {
          Sums sums = periods.sums()[p];
          if (sums.any()) {
            out.put(LocalDate.ofEpochDay(periods.keys()[p]).toString(), page(sums, shown, fields, q).rows());
          }
        }
        return out;
      }
      Sums sums = periods.keys().length == 0 ? new Sums(0, false, false) : periods.sums()[0];
      Page page = page(sums, shown, fields, q);
      Sums totals = new Sums(1, Figures.countsVisitors(dim), false);
      for (int code = 0; code < sums.codes(); code++) {
        if (sums.has(code) && shown.get(code) != null) {
          totals.addFrom(sums, code, 0);
        }
      }
      return new JsonObject().put("offset", q.offset() + page.rows().size()).put("total", page.total())
          .put("totals", fields.row(totals, 0)).put("breakdowns", page.rows());
    });
  }

  /** A period's rows from {@code offset}, and how many breakdowns it has in all. */
  private record Page(JsonArray rows, int total) {
  }

  /**
   * The period's breakdowns the request shows, in its order (ties by name), from {@code offset}:
   * the best {@code offset + limit} kept in a heap, so only they are sorted and built into rows.
   */
  private static Page page(Sums sums, List<String> shown, LegacyFields fields, LegacyQuery q) {
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
    JsonArray rows = new JsonArray();
    if (q.offset() >= wanted) {
      return new Page(rows, total);
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
    for (int code : best.subList(q.offset(), best.size())) {
      rows.add(fields.row(sums, code).put("breakdown", shown.get(code)));
    }
    return new Page(rows, total);
  }
}
