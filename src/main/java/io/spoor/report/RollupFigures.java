package io.spoor.report;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.spoor.store.Database;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures from the rollup tables: daily buckets ({@code report_day}) for whole ranges and daily
 * series, hourly ones ({@code report_bucket}, the whole and events only) for hourly series.
 * Visitors are the merged sketches of the buckets summed, so a visitor seen on many days counts
 * once. A day's buckets of one dimension, once read, are kept in memory (at most
 * {@code cacheBytes}) and read again only when the day's version ({@code report_day_change}) moved.
 */
final class RollupFigures implements Figures {
  private static final String COUNTS = "page_views, sessions, entrances, exits, bounces, duration_ms, new_contacts, "
      + "completions, revenue_micros";
  private final Database db;
  private final Cache<DayKey, DayRows> days;

  private record DayKey(long portalId, Dimension dim, long day) {
  }

  /** One day's buckets of one dimension, as of {@code version}. */
  private record DayRows(long version, List<String> values, List<Counts> counts, List<byte[]> sketches) {
    int weight() {
      int bytes = 64;
      for (int i = 0; i < values.size(); i++) {
        bytes += 120 + 2 * values.get(i).length() + (sketches.get(i) == null ? 0 : sketches.get(i).length);
      }
      return bytes;
    }
  }

  RollupFigures(Database db, long cacheBytes) {
    this.db = db;
    this.days = Caffeine.newBuilder().maximumWeight(cacheBytes)
        .weigher((DayKey k, DayRows rows) -> rows.weight()).build();
  }

  @Override
  public Map<String, Map<Long, Counts>> sum(ReportQuery q, Dimension dim, boolean perPeriod) {
    boolean visitors = Figures.countsVisitors(dim);
    Map<String, Map<Long, Tally>> tallies = new HashMap<>();
    if (perPeriod && q.interval() == ReportQuery.Interval.HOUR) {
      hours(q, dim, tallies);
    } else {
      long from = q.from().toEpochDay();
      long to = q.to().toEpochDay() + 1;
      Map<Long, Long> versions = new HashMap<>();
      db.handle().createQuery("SELECT day, version FROM report_day_change WHERE portal_id = :portal AND day >= :from "
              + "AND day < :to").bind("portal", q.portalId()).bind("from", from).bind("to", to)
          .map((rs, ctx) -> versions.put(rs.getLong(1), rs.getLong(2))).forEach(v -> { });
      versions.forEach((day, version) -> {
        DayKey key = new DayKey(q.portalId(), dim, day);
        DayRows rows = days.getIfPresent(key);
        if (rows == null || rows.version() != version) {
          rows = read(key, version, visitors);
          days.put(key, rows);
        }
        for (int i = 0; i < rows.values().size(); i++) {
          Map<Long, Tally> periods = tallies.computeIfAbsent(rows.values().get(i), v -> new HashMap<>());
          add(periods.computeIfAbsent(perPeriod ? day : 0L, p -> new Tally()), rows, i);
          if (perPeriod) {
            add(periods.computeIfAbsent(WHOLE, p -> new Tally()), rows, i);
          }
        }
      });
    }
    Map<String, Map<Long, Counts>> out = new HashMap<>();
    tallies.forEach((value, periods) -> {
      Map<Long, Counts> counts = new HashMap<>();
      periods.forEach((p, t) -> counts.put(p, t.counts(visitors)));
      out.put(value, counts);
    });
    return out;
  }

  private static void add(Tally t, DayRows rows, int i) {
    t.add(rows.counts().get(i));
    t.addVisitors(rows.sketches().get(i));
  }

  private DayRows read(DayKey key, long version, boolean visitors) {
    List<String> values = new ArrayList<>();
    List<Counts> counts = new ArrayList<>();
    List<byte[]> sketches = new ArrayList<>();
    db.handle().createQuery("SELECT value, " + COUNTS + ", " + (visitors ? "visitors" : "NULL") + " FROM report_day "
            + "WHERE portal_id = :portal AND dim = :dim AND day = :day")
        .bind("portal", key.portalId()).bind("dim", key.dim().stored()).bind("day", key.day())
        .map((rs, ctx) -> {
          values.add(rs.getString(1));
          counts.add(counts(rs, 2));
          return sketches.add(rs.getBytes(11));
        }).forEach(x -> { });
    return new DayRows(version, values, counts, sketches);
  }

  /** Hourly buckets of the whole or of events, per value and hour, and over the range. */
  private void hours(ReportQuery q, Dimension dim, Map<String, Map<Long, Tally>> tallies) {
    if (dim != Dimension.ALL && dim != Dimension.EVENT) {
      throw new IllegalArgumentException("hourly buckets are kept for the whole and events only");
    }
    db.handle().createQuery("SELECT value, hour, " + COUNTS + ", visitors FROM report_bucket WHERE portal_id = :portal "
            + "AND dim = :dim AND hour >= :from AND hour < :to")
        .bind("portal", q.portalId()).bind("dim", dim.stored()).bind("from", q.fromHour()).bind("to", q.toHour())
        .map((rs, ctx) -> {
          Map<Long, Tally> periods = tallies.computeIfAbsent(rs.getString(1), v -> new HashMap<>());
          Counts c = counts(rs, 3);
          byte[] sketch = dim == Dimension.ALL ? rs.getBytes(12) : null;
          for (Tally t : new Tally[] {periods.computeIfAbsent(rs.getLong(2), p -> new Tally()),
              periods.computeIfAbsent(WHOLE, p -> new Tally())}) {
            t.add(c);
            t.addVisitors(sketch);
          }
          return c;
        }).forEach(x -> { });
  }

  private static Counts counts(java.sql.ResultSet rs, int first) throws java.sql.SQLException {
    return new Counts(-1, rs.getLong(first + 1), rs.getLong(first), rs.getLong(first + 2), rs.getLong(first + 3),
        rs.getLong(first + 4), rs.getLong(first + 5), rs.getLong(first + 6), rs.getLong(first + 7),
        rs.getLong(first + 8));
  }
}
