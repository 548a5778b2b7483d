package io.spoor.report;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.spoor.store.Database;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;

/**
 * Figures from the rollup tables: daily buckets ({@code report_day}) for whole ranges and daily
 * series, hourly ones ({@code report_bucket}, the whole and events only) for hourly series.
 * Visitors are the merged sketches of the buckets summed, so a visitor seen on many days counts
 * once. A day's buckets of one dimension, once read, are kept in memory (at most
 * {@code cacheBytes}) and read again only when the day's version ({@code report_day_change}) moved.
 * Days are summed by value code into flat arrays ({@link Sums}), a period at a time, so a daily
 * series of thousands of pages costs no map entry or tally per page and day.
 */
final class RollupFigures implements Figures {
  private static final String COUNTS = "page_views, sessions, entrances, exits, bounces, duration_ms, new_contacts, "
      + "completions, revenue_micros";
  private final Database db;
  private final Cache<DayKey, DayRows> days;

  private record DayKey(long portalId, Dimension dim, long day) {
  }

  /**
   * One day's buckets of one dimension, as of {@code version}: row {@code i} is value
   * {@code values[i]}, its nine counts at {@code counts[9i]} in the {@link Sums} order, its
   * visitors' sketch (null where the dimension does not count them).
   */
  private record DayRows(long version, String[] values, long[] counts, byte[][] sketches, long[] estimates) {
    int weight() {
      int bytes = 64 + 16 * values.length;
      for (int i = 0; i < values.length; i++) {
        bytes += 120 + 2 * values[i].length() + (sketches[i] == null ? 0 : sketches[i].length);
      }
      return bytes;
    }

    /**
     * Row {@code i}'s visitors estimated from its sketch alone, worked out when first asked for
     * (two readers racing both work out the same figure).
     */
    long estimate(int i) {
      if (estimates[i] < 0) {
        Hll one = new Hll();
        one.mergeStored(sketches[i]);
        estimates[i] = one.estimate();
      }
      return estimates[i];
    }
  }

  private record Day(long day, DayRows rows) {
  }

  /** A dimension's values by code (in the order first met) and each period's sums, periods in key order. */
  record Periods(List<String> values, long[] keys, Sums[] sums) {
  }

  RollupFigures(Database db, long cacheBytes) {
    this.db = db;
    this.days = Caffeine.newBuilder().maximumWeight(cacheBytes)
        .weigher((DayKey k, DayRows rows) -> rows.weight()).build();
  }

  @Override
  public Map<String, Map<Long, Counts>> sum(ReportQuery q, Dimension dim, boolean perPeriod) {
    if (perPeriod && q.interval() == ReportQuery.Interval.HOUR) {
      return hours(q, dim);
    }
    List<Day> read = days(q, dim);
    Map<String, Integer> codes = new HashMap<>();
    List<String> values = new ArrayList<>();
    Map<String, Map<Long, Counts>> out = new HashMap<>();
    if (perPeriod) {
      put(group(read, codes, values, day -> day, false, dim), out);
    }
    put(group(read, codes, values, day -> perPeriod ? WHOLE : 0L, true, dim), out);
    return out;
  }

  private static void put(Periods periods, Map<String, Map<Long, Counts>> out) {
    for (int p = 0; p < periods.keys().length; p++) {
      Sums sums = periods.sums()[p];
      for (int code = 0; code < sums.codes(); code++) {
        if (sums.has(code)) {
          out.computeIfAbsent(periods.values().get(code), v -> new HashMap<>()).put(periods.keys()[p],
              sums.counts(code));
        }
      }
    }
  }

  /**
   * The daily buckets of {@code dim} over the query's days, each day summed into the period
   * {@code key} gives it; visitors merged over a period when {@code mergeVisitors}, else each
   * day's estimate added up.
   */
  Periods periods(ReportQuery q, Dimension dim, LongUnaryOperator key, boolean mergeVisitors) {
    return group(days(q, dim), new HashMap<>(), new ArrayList<>(), key, mergeVisitors, dim);
  }

  private static Periods group(List<Day> read, Map<String, Integer> codes, List<String> values, LongUnaryOperator key,
      boolean mergeVisitors, Dimension dim) {
    boolean visitors = Figures.countsVisitors(dim);
    Function<String, Integer> code = value -> {
      values.add(value);
      return values.size() - 1;
    };
    TreeMap<Long, Sums> periods = new TreeMap<>();
    for (Day day : read) {
      DayRows rows = day.rows();
      Sums sums = periods.computeIfAbsent(key.applyAsLong(day.day()),
          p -> new Sums(Math.max(codes.size(), rows.values().length), visitors, mergeVisitors));
      for (int i = 0; i < rows.values().length; i++) {
        byte[] sketch = rows.sketches()[i];
        sums.add(codes.computeIfAbsent(rows.values()[i], code), rows.counts(), i, sketch,
            sketch == null || mergeVisitors ? 0 : rows.estimate(i));
      }
    }
    long[] keys = new long[periods.size()];
    Sums[] sums = new Sums[periods.size()];
    int p = 0;
    for (Map.Entry<Long, Sums> e : periods.entrySet()) {
      keys[p] = e.getKey();
      sums[p++] = e.getValue();
    }
    return new Periods(values, keys, sums);
  }

  /** The days of the range that hold buckets, in day order, each read from the cache unless its version moved. */
  private List<Day> days(ReportQuery q, Dimension dim) {
    boolean visitors = Figures.countsVisitors(dim);
    long from = q.from().toEpochDay();
    long to = q.to().toEpochDay() + 1;
    Map<Long, Long> versions = new TreeMap<>();
    db.handle().createQuery("SELECT day, version FROM report_day_change WHERE portal_id = :portal AND day >= :from "
            + "AND day < :to").bind("portal", q.portalId()).bind("from", from).bind("to", to)
        .map((rs, ctx) -> versions.put(rs.getLong(1), rs.getLong(2))).forEach(v -> { });
    List<Day> out = new ArrayList<>(versions.size());
    versions.forEach((day, version) -> {
      DayKey key = new DayKey(q.portalId(), dim, day);
      DayRows rows = days.getIfPresent(key);
      if (rows == null || rows.version() != version) {
        rows = read(key, version, visitors);
        days.put(key, rows);
      }
      out.add(new Day(day, rows));
    });
    return out;
  }

  private DayRows read(DayKey key, long version, boolean visitors) {
    List<String> values = new ArrayList<>();
    List<byte[]> sketches = new ArrayList<>();
    long[][] counts = {new long[64 * (Sums.WIDTH - 1)]};
    db.handle().createQuery("SELECT value, " + COUNTS + ", " + (visitors ? "visitors" : "NULL") + " FROM report_day "
            + "WHERE portal_id = :portal AND dim = :dim AND day = :day")
        .bind("portal", key.portalId()).bind("dim", key.dim().stored()).bind("day", key.day())
        .map((rs, ctx) -> {
          int at = values.size() * (Sums.WIDTH - 1);
          if (at + Sums.WIDTH - 1 > counts[0].length) {
            counts[0] = Arrays.copyOf(counts[0], counts[0].length * 2);
          }
          for (int f = 0; f < Sums.WIDTH - 1; f++) {
            counts[0][at + f] = rs.getLong(2 + f);
          }
          values.add(rs.getString(1));
          return sketches.add(rs.getBytes(11));
        }).forEach(x -> { });
    long[] estimates = new long[values.size()];
    Arrays.fill(estimates, -1);
    return new DayRows(version, values.toArray(new String[0]),
        Arrays.copyOf(counts[0], values.size() * (Sums.WIDTH - 1)), sketches.toArray(new byte[0][]), estimates);
  }

  /** Hourly buckets of the whole or of events, per value and hour, and over the range. */
  private Map<String, Map<Long, Counts>> hours(ReportQuery q, Dimension dim) {
    if (dim != Dimension.ALL && dim != Dimension.EVENT) {
      throw new IllegalArgumentException("hourly buckets are kept for the whole and events only");
    }
    Map<String, Map<Long, Tally>> tallies = new HashMap<>();
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
    boolean visitors = Figures.countsVisitors(dim);
    Map<String, Map<Long, Counts>> out = new HashMap<>();
    tallies.forEach((value, periods) -> {
      Map<Long, Counts> counts = new HashMap<>();
      periods.forEach((p, t) -> counts.put(p, t.counts(visitors)));
      out.put(value, counts);
    });
    return out;
  }

  private static Counts counts(java.sql.ResultSet rs, int first) throws java.sql.SQLException {
    return new Counts(-1, rs.getLong(first + 1), rs.getLong(first), rs.getLong(first + 2), rs.getLong(first + 3),
        rs.getLong(first + 4), rs.getLong(first + 5), rs.getLong(first + 6), rs.getLong(first + 7),
        rs.getLong(first + 8));
  }
}
