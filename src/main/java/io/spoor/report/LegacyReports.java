package io.spoor.report;

import io.spoor.InvalidInputException;
import io.spoor.store.Database;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * HubSpot's legacy analytics reports, {@code /analytics/v2/reports/{breakdown_by}/{time_period}},
 * in HubSpot's shape and field names, for the {@code totals}, {@code sources} and {@code pages}
 * breakdowns. Visitors are estimated from the daily buckets' sketches: a {@code total} period
 * counts each visitor once, daily ones per day; weekly and monthly periods add up their days'
 * visitors.
 */
public final class LegacyReports {
  private final Database db;
  private final RollupFigures rollups;

  /** Reads the buckets (and their cache) of {@code reports}. */
  public LegacyReports(Database db, Reports reports) {
    this.db = db;
    this.rollups = reports.rollups();
  }

  enum Period {
    TOTAL, DAILY, WEEKLY, MONTHLY;

    LocalDate key(LocalDate day, LocalDate start) {
      return switch (this) {
        case TOTAL -> start;
        case DAILY -> day;
        case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        case MONTHLY -> day.withDayOfMonth(1);
      };
    }

    static Period of(String name) {
      return switch (name) {
        case "total" -> TOTAL;
        case "daily" -> DAILY;
        case "weekly" -> WEEKLY;
        case "monthly" -> MONTHLY;
        default -> throw new InvalidInputException("time_period is total, daily, weekly or monthly");
      };
    }
  }

  JsonObject report(long portalId, String breakdown, String timePeriod, LocalDate start, LocalDate end) {
    Period period = Period.of(timePeriod);
    ReportQuery q = new ReportQuery(portalId, start, end, ReportQuery.Interval.DAY, ReportFilter.NONE);
    Dimension dim = switch (breakdown) {
      case "totals" -> Dimension.ALL;
      case "sources" -> Dimension.SOURCE;
      case "pages" -> Dimension.PAGE;
      default -> throw new InvalidInputException("breakdown_by is totals, sources or pages");
    };
    return db.read(() -> {
      Map<LocalDate, Map<String, Counts>> byPeriod = new TreeMap<>();
      rollups.sum(q, dim, period != Period.TOTAL).forEach((raw, days) -> days.forEach((p, counts) -> {
        if (period != Period.TOTAL && p == Figures.WHOLE) {
          return;
        }
        String value = dim == Dimension.ALL ? "totals" : raw;
        Counts c = dim == Dimension.PAGE ? counts.withVisitors(0) : counts;
        LocalDate day = period == Period.TOTAL ? start : LocalDate.ofEpochDay(p);
        byPeriod.computeIfAbsent(period.key(day, start), k -> new HashMap<>()).merge(value, c, Counts::plus);
      }));
      if (period != Period.TOTAL) {
        JsonObject out = new JsonObject();
        byPeriod.forEach((key, values) -> out.put(key.toString(), breakdowns(values, dim)));
        return out;
      }
      Map<String, Counts> values = byPeriod.getOrDefault(start, Map.of());
      Counts sum = values.values().stream().reduce(Counts::plus).orElse(Counts.ZERO);
      JsonArray list = breakdowns(values, dim);
      return new JsonObject().put("offset", 0).put("total", list.size()).put("totals", fields(sum, dim))
          .put("breakdowns", list);
    });
  }

  private static JsonArray breakdowns(Map<String, Counts> values, Dimension dim) {
    JsonArray list = new JsonArray();
    Reports.sorted(values, dim == Dimension.PAGE ? Counts::pageViews : Counts::sessions)
        .forEach(e -> list.add(fields(e.getValue(), dim).put("breakdown", e.getKey())));
    return list;
  }

  /** HubSpot's names: visits are sessions, rawViews page views, contacts new contacts; rates in percent. */
  private static JsonObject fields(Counts c, Dimension dim) {
    JsonObject f = new JsonObject().put("rawViews", c.pageViews());
    if (dim == Dimension.PAGE) {
      return f.put("entrances", c.entrances()).put("exits", c.exits())
          .put("bounceRate", percent(c.bounces(), c.entrances())).put("exitsPerPageview", ratio(c.exits(), c.pageViews()));
    }
    return f.put("visits", c.sessions()).put("visitors", c.visitors()).put("contacts", c.newContacts())
        .put("bounces", c.bounces()).put("bounceRate", percent(c.bounces(), c.sessions()))
        .put("timePerSession", c.sessions() == 0 ? 0.0 : c.durationMs() / 1000.0 / c.sessions())
        .put("pageviewsPerSession", ratio(c.pageViews(), c.sessions()))
        .put("contactsPerPageview", ratio(c.newContacts(), c.pageViews()));
  }

  private static double percent(long part, long whole) {
    return whole == 0 ? 0.0 : 100.0 * part / whole;
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? 0.0 : (double) part / whole;
  }
}
