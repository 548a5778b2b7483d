package io.spoor.report;

import io.spoor.store.Database;
import java.util.HashMap;
import java.util.Map;

/**
 * Figures from the rollup tables: daily buckets ({@code report_day}) for whole ranges and daily
 * series, hourly ones ({@code report_bucket}, the whole and events only) for hourly series.
 * Visitors are the merged sketches of the buckets summed, so a visitor seen on many days counts once.
 */
final class RollupFigures implements Figures {
  private final Database db;

  RollupFigures(Database db) {
    this.db = db;
  }

  @Override
  public Map<String, Map<Long, Counts>> sum(ReportQuery q, Dimension dim, boolean perPeriod) {
    boolean hourly = perPeriod && q.interval() == ReportQuery.Interval.HOUR;
    if (hourly && dim != Dimension.ALL && dim != Dimension.EVENT) {
      throw new IllegalArgumentException("hourly buckets are kept for the whole and events only");
    }
    String table = hourly ? "report_bucket" : "report_day";
    String column = hourly ? "hour" : "day";
    long from = hourly ? q.fromHour() : q.from().toEpochDay();
    long to = hourly ? q.toHour() : q.to().toEpochDay() + 1;
    String period = perPeriod ? column : "0";
    boolean visitors = Figures.countsVisitors(dim);
    String sums = "SUM(page_views), SUM(sessions), SUM(entrances), SUM(exits), SUM(bounces), SUM(duration_ms), "
        + "SUM(new_contacts), SUM(completions), SUM(revenue_micros)";
    // visit dimensions' rows are read one by one to merge their sketches; others are summed by the database
    String select = visitors
        ? "SELECT value, " + period + ", page_views, sessions, entrances, exits, bounces, duration_ms, new_contacts, "
            + "completions, revenue_micros, visitors FROM " + table
        : "SELECT value, " + period + " AS p, " + sums + ", NULL FROM " + table;
    String where = " WHERE portal_id = :portal AND dim = :dim AND " + column + " >= :from AND " + column + " < :to";
    Map<String, Map<Long, Tally>> tallies = new HashMap<>();
    db.handle().createQuery(select + where + (visitors ? "" : " GROUP BY value, p"))
        .bind("portal", q.portalId()).bind("dim", dim.stored()).bind("from", from).bind("to", to)
        .map((rs, ctx) -> {
          Tally t = tallies.computeIfAbsent(rs.getString(1), v -> new HashMap<>())
              .computeIfAbsent(rs.getLong(2), p -> new Tally());
          t.pageViews += rs.getLong(3);
          t.sessions += rs.getLong(4);
          t.entrances += rs.getLong(5);
          t.exits += rs.getLong(6);
          t.bounces += rs.getLong(7);
          t.durationMs += rs.getLong(8);
          t.newContacts += rs.getLong(9);
          t.completions += rs.getLong(10);
          t.revenueMicros += rs.getLong(11);
          byte[] sketch = visitors ? rs.getBytes(12) : null;
          t.addVisitors(sketch);
          if (perPeriod) {
            Tally whole = tallies.get(rs.getString(1)).computeIfAbsent(WHOLE, p -> new Tally());
            whole.add(new Counts(-1, rs.getLong(4), rs.getLong(3), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11)));
            whole.addVisitors(sketch);
          }
          return t;
        })
        .forEach(t -> { });
    Map<String, Map<Long, Counts>> out = new HashMap<>();
    tallies.forEach((value, periods) -> {
      Map<Long, Counts> counts = new HashMap<>();
      periods.forEach((p, t) -> counts.put(p, t.counts(visitors)));
      out.put(value, counts);
    });
    return out;
  }
}
