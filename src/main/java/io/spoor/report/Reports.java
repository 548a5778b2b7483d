package io.spoor.report;

import io.spoor.InvalidInputException;
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
 * and events. Without a filter they sum the hourly buckets; with one they sum the matching visits.
 */
public final class Reports {
  static final int MAX_ROWS = 100;
  private final Database db;
  private final ReportReads reads;

  public Reports(Database db) {
    this.db = db;
    this.reads = new ReportReads(db);
  }

  JsonObject overview(ReportQuery q) {
    return db.read(() -> {
      Counts now = totals(q);
      Counts before = totals(q.previous());
      JsonObject figures = figures(q, now);
      JsonObject previous = figures(q, before);
      JsonObject change = new JsonObject();
      figures.fieldNames().forEach(name -> change.put(name, change(figures.getValue(name), previous.getValue(name))));
      return head(q).put("totals", figures).put("previous", previous).put("change", change)
          .put("series", series(q));
    });
  }

  JsonObject sources(ReportQuery q) {
    return db.read(() -> {
      Map<String, Counts> sources = visitsBy(q, Dimension.SOURCE, "source");
      Map<String, Counts> drills = visitsBy(q, Dimension.SOURCE_DATA_1, "source || '|' || source_data_1");
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
      if (q.filter().isEmpty()) {
        Map<String, Counts> pages = ReportReads.byValue(reads.buckets(q.portalId(), Dimension.PAGE, q.fromHour(),
            q.toHour(), 0));
        sorted(pages, Counts::pageViews).forEach(e -> rows.add(page(e.getKey(), e.getValue())
            .put("views", e.getValue().pageViews())));
      } else { // the matching visits tell their entry and exit pages, not every page they saw
        Map<String, Counts> entries = ReportReads.byValue(reads.sessions(q, "entry_path", 0));
        Map<String, Counts> exits = ReportReads.byValue(reads.sessions(q, "exit_path", 0));
        Map<String, Counts> both = new java.util.HashMap<>();
        entries.forEach((page, c) -> both.merge(page, new Counts(-1, 0, 0, c.sessions(), 0, c.bounces(), 0, 0, 0, 0),
            Counts::plus));
        exits.forEach((page, c) -> both.merge(page, new Counts(-1, 0, 0, 0, c.sessions(), 0, 0, 0, 0, 0),
            Counts::plus));
        sorted(both, c -> c.entrances() + c.exits()).forEach(e -> rows.add(page(e.getKey(), e.getValue())
            .putNull("views")));
      }
      return head(q).put("results", rows);
    });
  }

  JsonObject devices(ReportQuery q) {
    return db.read(() -> head(q)
        .put("devices", named(visitsBy(q, Dimension.DEVICE, "device")))
        .put("browsers", named(visitsBy(q, Dimension.BROWSER, "browser")))
        .put("operatingSystems", named(visitsBy(q, Dimension.OS, "os"))));
  }

  JsonObject events(ReportQuery q) {
    if (!q.filter().isEmpty()) {
      throw new InvalidInputException("the events report takes no filter: completions are not tied to visits");
    }
    return db.read(() -> {
      List<ReportReads.Row> rows = reads.buckets(q.portalId(), Dimension.EVENT, q.fromHour(), q.toHour(),
          q.interval().hours);
      Map<String, Counts> totals = ReportReads.byValue(rows);
      Map<Long, String> names = reads.eventNames(q.portalId(), totals.keySet().stream().map(Long::valueOf).toList());
      JsonArray results = new JsonArray();
      sorted(totals, Counts::completions).forEach(e -> {
        JsonArray series = new JsonArray();
        Map<Long, Counts> mine = ReportReads.byPeriod(rows.stream().filter(r -> r.value().equals(e.getKey())).toList());
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

  /** The range's totals: page views, contacts and completions from the buckets unless filtered. */
  private Counts totals(ReportQuery q) {
    Counts visits = ReportReads.only(reads.sessions(q, null, 0)).orElse(Counts.ZERO);
    if (!q.filter().isEmpty()) {
      return visits;
    }
    Counts all = ReportReads.only(reads.buckets(q.portalId(), Dimension.ALL, q.fromHour(), q.toHour(), 0))
        .orElse(Counts.ZERO);
    return all.withVisitors(visits.visitors());
  }

  private JsonObject figures(ReportQuery q, Counts c) {
    JsonObject figures = c.overview();
    if (!q.filter().isEmpty()) {
      figures.putNull("completions").putNull("revenue");
    }
    return figures;
  }

  private JsonArray series(ReportQuery q) {
    int hours = q.interval().hours;
    Map<Long, Counts> visits = ReportReads.byPeriod(reads.sessions(q, null, hours));
    Map<Long, Counts> all = q.filter().isEmpty()
        ? ReportReads.byPeriod(reads.buckets(q.portalId(), Dimension.ALL, q.fromHour(), q.toHour(), hours))
        : visits;
    JsonArray series = new JsonArray();
    periods(q).forEach(p -> {
      Counts c = all.getOrDefault(p, Counts.ZERO).withVisitors(visits.getOrDefault(p, Counts.ZERO).visitors());
      series.add(figures(q, c).put("start", start(q, p)));
    });
    return series;
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

  /** Visits by a dimension: from its buckets (visitors from the visits) or, filtered, from the visits. */
  private Map<String, Counts> visitsBy(ReportQuery q, Dimension dim, String column) {
    Map<String, Counts> visits = ReportReads.byValue(reads.sessions(q, column, 0));
    if (!q.filter().isEmpty()) {
      return visits;
    }
    Map<String, Counts> buckets = ReportReads.byValue(reads.buckets(q.portalId(), dim, q.fromHour(), q.toHour(), 0));
    Map<String, Counts> out = new java.util.HashMap<>();
    buckets.forEach((k, c) -> out.put(k, c.withVisitors(visits.getOrDefault(k, Counts.ZERO).visitors())));
    return out;
  }

  private static JsonObject head(ReportQuery q) {
    return new JsonObject().put("from", q.from().toString()).put("to", q.to().toString())
        .put("interval", q.interval().name().toLowerCase(java.util.Locale.ROOT)).put("timeZone", "UTC")
        .put("filter", new JsonObject(new java.util.TreeMap<String, Object>(q.filter().terms())));
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
