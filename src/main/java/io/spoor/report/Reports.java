package io.spoor.report;

import io.spoor.store.Database;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The reports of {@code /api/v1/reports}: overview (figures, their change against the previous
 * period of the same length, and a time series), sources with their drill-downs, pages, devices
 * and events. Without a filter they add up the daily (or, for hourly series, hourly) buckets;
 * with one, the matching visits of the in-memory index of visits. Visitors are estimated.
 */
public final class Reports {
  static final int MAX_ROWS = 100;
  private final Database db;
  private final RollupFigures rollups;
  private final VisitIndex index;

  /** {@code cacheMb}: megabytes of daily buckets kept in memory between reports. */
  public Reports(Database db, VisitIndex index, int cacheMb) {
    this.db = db;
    this.rollups = new RollupFigures(db, cacheMb * 1024L * 1024L);
    this.index = index;
  }

  RollupFigures rollups() {
    return rollups;
  }

  private Figures figures(ReportQuery q) {
    return q.filter().isEmpty() ? rollups : index;
  }

  JsonObject overview(ReportQuery q) {
    return db.read(() -> {
      Figures f = figures(q);
      Map<Long, Counts> points = f.series(q);
      JsonObject figures = points.getOrDefault(Figures.WHOLE, Counts.ZERO).overview();
      JsonObject previous = f.totals(q.previous()).overview();
      JsonObject change = new JsonObject();
      figures.fieldNames().forEach(name -> change.put(name, change(figures.getValue(name), previous.getValue(name))));
      JsonArray series = new JsonArray();
      periods(q).forEach(p -> series.add(points.getOrDefault(p, Counts.ZERO).overview().put("start", start(q, p))));
      return head(q).put("totals", figures).put("previous", previous).put("change", change).put("series", series);
    });
  }

  JsonObject sources(ReportQuery q) {
    return db.read(() -> {
      Figures f = figures(q);
      Map<Dimension, Map<String, Counts>> both = f.byValues(q, Dimension.SOURCE, Dimension.SOURCE_DATA_1);
      Map<String, Counts> sources = both.get(Dimension.SOURCE);
      Map<String, Counts> drills = both.get(Dimension.SOURCE_DATA_1);
      JsonArray rows = new JsonArray();
      sorted(sources, Counts::sessions).forEach(e -> {
        JsonArray drillDowns = new JsonArray();
        String prefix = e.getKey() + "|";
        Map<String, Counts> mine = new java.util.HashMap<>();
        drills.forEach((k, v) -> {
          if (k.startsWith(prefix) && k.length() > prefix.length()) {
            mine.put(k.substring(prefix.length()), v);
          }
        });
        sorted(mine, Counts::sessions).forEach(d -> drillDowns.add(source(d.getValue()).put("value", d.getKey())));
        rows.add(source(e.getValue()).put("source", e.getKey()).put("drillDowns", drillDowns));
      });
      return head(q).put("results", rows);
    });
  }

  JsonObject pages(ReportQuery q) {
    return db.read(() -> {
      JsonArray rows = new JsonArray();
      Map<String, Counts> pages = figures(q).byValue(q, Dimension.PAGE);
      if (q.filter().isEmpty()) {
        sorted(pages, Counts::pageViews).forEach(e -> rows.add(page(e.getKey(), e.getValue())
            .put("views", e.getValue().pageViews())));
      } else { // the matching visits tell their entry and exit pages, not every page they saw
        sorted(pages, c -> c.entrances() + c.exits()).forEach(e -> rows.add(page(e.getKey(), e.getValue())
            .putNull("views")));
      }
      return head(q).put("results", rows);
    });
  }

  JsonObject devices(ReportQuery q) {
    return db.read(() -> {
      Map<Dimension, Map<String, Counts>> all = figures(q).byValues(q, Dimension.DEVICE, Dimension.BROWSER,
          Dimension.OS);
      return head(q).put("devices", named(all.get(Dimension.DEVICE)))
          .put("browsers", named(all.get(Dimension.BROWSER)))
          .put("operatingSystems", named(all.get(Dimension.OS)));
    });
  }

  JsonObject events(ReportQuery q) {
    return db.read(() -> {
      Figures f = figures(q);
      Map<String, Map<Long, Counts>> perPeriod = f.sum(q, Dimension.EVENT, true);
      Map<String, Counts> totals = new java.util.HashMap<>();
      perPeriod.forEach((event, periods) -> totals.put(event, periods.getOrDefault(Figures.WHOLE, Counts.ZERO)));
      Map<Long, String> names = eventNames(q.portalId(), totals.keySet().stream().map(Long::valueOf).toList());
      JsonArray results = new JsonArray();
      sorted(totals, Counts::completions).forEach(e -> {
        JsonArray series = new JsonArray();
        Map<Long, Counts> mine = perPeriod.getOrDefault(e.getKey(), Map.of());
        periods(q).forEach(p -> {
          Counts c = mine.getOrDefault(p, Counts.ZERO);
          series.add(new JsonObject().put("start", start(q, p)).put("completions", c.completions())
              .put("revenue", c.revenue()));
        });
        results.add(new JsonObject().put("eventId", e.getKey())
            .put("name", names.getOrDefault(Long.valueOf(e.getKey()), null))
            .put("completions", e.getValue().completions()).put("revenue", e.getValue().revenue())
            .put("series", series));
      });
      return head(q).put("results", results);
    });
  }

  /** The names of a portal's event definitions among {@code ids}. */
  private Map<Long, String> eventNames(long portalId, List<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<Long, String> names = new java.util.HashMap<>();
    db.handle().createQuery("SELECT id, name FROM event_definition WHERE portal_id = :portal AND id IN (<ids>)")
        .bind("portal", portalId).bindList("ids", ids)
        .map((rs, ctx) -> names.put(rs.getLong(1), rs.getString(2))).forEach(n -> { });
    return names;
  }

  private static List<Long> periods(ReportQuery q) {
    int hours = q.interval().hours;
    List<Long> periods = new ArrayList<>();
    for (long h = q.fromHour(); h < q.toHour(); h += hours) {
      periods.add(h / hours);
    }
    return periods;
  }

  private static String start(ReportQuery q, long period) {
    return Instant.ofEpochMilli(period * q.interval().hours * RollupBatch.HOUR).toString();
  }

  private static JsonObject head(ReportQuery q) {
    return new JsonObject().put("from", q.from().toString()).put("to", q.to().toString())
        .put("interval", q.interval().name().toLowerCase(java.util.Locale.ROOT)).put("timeZone", "UTC")
        .put("filter", new JsonObject(new java.util.TreeMap<String, Object>(q.filter().terms())))
        .put("visitorsEstimate", new JsonObject().put("method", "HyperLogLog")
            .put("relativeStandardError", Hll.RELATIVE_ERROR));
  }

  private static JsonObject source(Counts c) {
    return new JsonObject().put("sessions", c.sessions()).put("visitors", c.visitors()).put("pageViews", c.pageViews())
        .put("newContacts", c.newContacts()).put("sessionToContactRate", Counts.ratio(c.newContacts(), c.sessions()))
        .put("bounceRate", Counts.ratio(c.bounces(), c.sessions()));
  }

  private static JsonObject page(String path, Counts c) {
    return new JsonObject().put("page", path).put("entrances", c.entrances()).put("exits", c.exits())
        .put("bounces", c.bounces()).put("bounceRate", Counts.ratio(c.bounces(), c.entrances()));
  }

  private static JsonArray named(Map<String, Counts> rows) {
    JsonArray out = new JsonArray();
    sorted(rows, Counts::sessions).forEach(e -> out.add(new JsonObject().put("name", e.getKey())
        .put("sessions", e.getValue().sessions()).put("visitors", e.getValue().visitors())
        .put("pageViews", e.getValue().pageViews()).put("bounceRate", Counts.ratio(e.getValue().bounces(),
            e.getValue().sessions()))));
    return out;
  }

  /** The first {@value #MAX_ROWS} rows, the largest first, ties by name. */
  static List<Map.Entry<String, Counts>> sorted(Map<String, Counts> rows, java.util.function.ToLongFunction<Counts> by) {
    return rows.entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<String, Counts> e) -> by.applyAsLong(e.getValue())).reversed()
            .thenComparing(Map.Entry::getKey))
        .limit(MAX_ROWS).toList();
  }

  private static Object change(Object now, Object before) {
    if (!(now instanceof Number n) || !(before instanceof Number b) || b.doubleValue() == 0) {
      return null;
    }
    return (n.doubleValue() - b.doubleValue()) / b.doubleValue();
  }
}
