package io.spoor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.ops.Metrics;
import io.spoor.store.Database;
import io.spoor.store.Dialect;
import io.spoor.store.OldSchema;
import io.spoor.store.PostgresDialect;
import io.spoor.store.SqliteDialect;
import io.spoor.testkit.OnPostgres;
import io.spoor.testkit.Polling;
import io.spoor.testkit.PostgresServer;
import io.spoor.testkit.RunningSpoor;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store written before the reports kept visitor sketches (schema 18: visits and hourly buckets
 * of every dimension) and brought up to date counts 0 visitors on its days until the backfill
 * fills their sketches from the visits; it merges with what ingest wrote meanwhile, and runs once.
 */
class SketchBackfillTest {
  static final int BEFORE_SKETCHES = 18;
  static final LocalDate FIRST = LocalDate.of(2026, 10, 1);
  static final int DAYS = 3;
  static final int VISITORS = 600;
  static final String[] SOURCES = {"ORGANIC_SEARCH", "REFERRALS", "DIRECT_TRAFFIC"};
  static final String[] DEVICES = {"desktop", "mobile"};

  @TempDir
  Path dir;
  private Dialect dialect;
  private Optional<String> postgres = Optional.empty();
  private final List<SessionRow> visits = new ArrayList<>();
  private final List<Database> opened = new ArrayList<>();

  @BeforeEach
  void writeAStoreBeforeSketches() {
    if (getClass().isAnnotationPresent(OnPostgres.class) || RunningSpoor.allOnPostgres()) {
      postgres = Optional.of(PostgresServer.shared().newEmptyDatabase());
      dialect = new PostgresDialect(postgres.get(), 4);
    } else {
      try {
        dialect = new SqliteDialect(Files.createDirectories(dir.resolve("data")).resolve("spoor.db"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (int i = 0; i < VISITORS; i++) { // each visitor on one day, every other one on the next too
      visits.add(visit(i, i % DAYS, 9 + i % 12));
      if (i % 2 == 0) {
        visits.add(visit(i, (i + 1) % DAYS, 20));
      }
    }
    try (Database old = OldSchema.open(dialect, BEFORE_SKETCHES)) {
      old.inTransaction(() -> {
        visits.forEach(v -> writeTheOldWay(old.handle(), v));
        return null;
      });
    }
  }

  @AfterEach
  void dropTheStore() {
    opened.forEach(Database::close);
    postgres.ifPresent(url -> PostgresServer.shared().drop(url));
  }

  private Database upgraded() {
    Database db = Database.open(dialect);
    opened.add(db);
    return db;
  }

  /** Visitor {@code i}'s visit on day {@code day} after {@link #FIRST}, starting at {@code hour}. */
  private static SessionRow visit(int i, int day, int hour) {
    long start = FIRST.plusDays(day).toEpochDay() * Buckets.DAY + hour * RollupBatch.HOUR + i;
    String source = SOURCES[i % SOURCES.length];
    return new SessionRow(1, String.format("%032x", i), start, start + 60_000, "/in", "/out", 2, source,
        source.equals("DIRECT_TRAFFIC") ? "" : "d" + i % 4, "", DEVICES[i % 2], "Firefox", "Linux", 0);
  }

  /** A visit as schema 18 kept it: its row, and one session in the hourly bucket of each dimension. */
  private static void writeTheOldWay(Handle h, SessionRow v) {
    h.execute("INSERT INTO report_session (" + RollupStore.SESSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
        + "?, ?, ?, ?, ?)", v.portalId(), v.utk(), v.startedAt(), v.lastAt(), v.entryPath(), v.exitPath(),
        v.pageViews(), v.source(), v.sourceData1(), v.sourceData2(), v.device(), v.browser(), v.os(), v.newContacts());
    for (Dimension d : Buckets.VISIT_DIMENSIONS) {
      String value = Buckets.value(v, d);
      if (value != null) {
        h.execute("INSERT INTO report_bucket (portal_id, dim, value, hour, page_views, sessions, entrances, exits, "
            + "bounces, duration_ms, new_contacts, completions, revenue_micros) VALUES (?, ?, ?, ?, ?, 1, 0, 0, 0, "
            + "?, 0, 0, 0) ON CONFLICT (portal_id, dim, hour, value) DO UPDATE SET "
            + "page_views = report_bucket.page_views + excluded.page_views, sessions = report_bucket.sessions + 1, "
            + "duration_ms = report_bucket.duration_ms + excluded.duration_ms", v.portalId(), d.stored(), value,
            RollupBatch.hour(v.startedAt()), v.pageViews(), v.durationMs());
      }
    }
  }

  private static ReportQuery days(int first, int last, ReportQuery.Interval interval) {
    return new ReportQuery(1, FIRST.plusDays(first), FIRST.plusDays(last), interval, ReportFilter.NONE);
  }

  /** The distinct visitors of the visits on days {@code first} to {@code last} holding {@code value} of {@code dim}. */
  private long distinct(int first, int last, Dimension dim, String value) {
    Set<String> seen = new HashSet<>();
    long from = FIRST.plusDays(first).toEpochDay() * Buckets.DAY;
    long to = FIRST.plusDays(last + 1).toEpochDay() * Buckets.DAY;
    visits.stream().filter(v -> v.startedAt() >= from && v.startedAt() < to && value.equals(Buckets.value(v, dim)))
        .forEach(v -> seen.add(v.utk()));
    return seen.size();
  }

  private static void assertEstimate(long expected, long estimated, String what) {
    assertEquals(expected, estimated, Math.max(1, 3 * Hll.RELATIVE_ERROR * expected), what);
  }

  private static long visitors(Reports reports, ReportQuery q) {
    return reports.overview(q).getJsonObject("totals").getLong("visitors");
  }

  @Test
  void theDaysWrittenBeforeSketchesCountTheirVisitorsOnceTheBackfillRan() {
    Database db = upgraded();
    Reports reports = new Reports(db, new VisitIndex(db, 10_000), 64);
    long sessions = reports.overview(days(0, DAYS - 1, ReportQuery.Interval.DAY)).getJsonObject("totals")
        .getLong("sessions");
    assertEquals(visits.size(), sessions);
    assertEquals(0, visitors(reports, days(0, DAYS - 1, ReportQuery.Interval.DAY)), "no sketch was kept");

    assertEquals(DAYS, new SketchBackfill(db, new Metrics()).run());

    assertEstimate(VISITORS, visitors(reports, days(0, DAYS - 1, ReportQuery.Interval.DAY)), "the whole range");
    for (int day = 0; day < DAYS; day++) {
      assertEstimate(distinct(day, day, Dimension.ALL, ""), visitors(reports, days(day, day,
          ReportQuery.Interval.DAY)), "day " + day);
      assertEstimate(distinct(day, day, Dimension.ALL, ""), visitors(reports, days(day, day,
          ReportQuery.Interval.HOUR)), "day " + day + " from its hourly buckets");
    }
    Map<String, Long> bySource = new HashMap<>();
    Map<String, Long> byDrillDown = new HashMap<>();
    reports.sources(days(0, DAYS - 1, ReportQuery.Interval.DAY)).getJsonArray("results").forEach(o -> {
      JsonObject source = (JsonObject) o;
      bySource.put(source.getString("source"), source.getLong("visitors"));
      source.getJsonArray("drillDowns").forEach(d -> byDrillDown.put(source.getString("source") + "|"
          + ((JsonObject) d).getString("value"), ((JsonObject) d).getLong("visitors")));
    });
    assertEquals(Set.of(SOURCES), bySource.keySet());
    for (String source : SOURCES) {
      assertEstimate(distinct(0, DAYS - 1, Dimension.SOURCE, source), bySource.get(source), source);
    }
    assertEquals(8, byDrillDown.size());
    byDrillDown.forEach((value, estimated) -> assertEstimate(distinct(0, DAYS - 1, Dimension.SOURCE_DATA_1, value),
        estimated, value));
    JsonObject devices = reports.devices(days(0, DAYS - 1, ReportQuery.Interval.DAY));
    devices.getJsonArray("devices").forEach(o -> assertEstimate(distinct(0, DAYS - 1, Dimension.DEVICE,
        ((JsonObject) o).getString("name")), ((JsonObject) o).getLong("visitors"), ((JsonObject) o).encode()));
  }

  @Test
  void aSketchIngestWroteMeanwhileEndsWithTheUnionOfItsVisitorsAndTheDaysVisits() {
    Database db = upgraded();
    Reports reports = new Reports(db, new VisitIndex(db, 10_000), 64);
    Buckets ingested = new Buckets(); // visitors new since the upgrade, on day 0: their sketches, not yet their rows
    for (int i = 0; i < 50; i++) {
      ingested.session(visit(VISITORS + i * 3, 0, 22), 1, true);
    }
    RollupStore ingest = new RollupStore(db, RollupStoreContract.visitsRead());
    db.inTransaction(() -> {
      ingest.addBuckets(ingested);
      return null;
    });
    assertEstimate(50, visitors(reports, days(0, 0, ReportQuery.Interval.DAY)), "only what ingest wrote");

    new SketchBackfill(db, new Metrics()).run();

    long union = distinct(0, 0, Dimension.ALL, "") + 50;
    assertEstimate(union, visitors(reports, days(0, 0, ReportQuery.Interval.DAY)),
        "the day's visits and the ones ingest wrote");
    assertEstimate(union, visitors(reports, days(0, 0, ReportQuery.Interval.HOUR)), "the same from the hourly buckets");
    Buckets later = new Buckets();
    later.session(visit(VISITORS + 1, 0, 23), 1, true);
    db.inTransaction(() -> {
      ingest.addBuckets(later);
      return null;
    });
    assertEstimate(union + 1, visitors(reports, days(0, 0, ReportQuery.Interval.DAY)),
        "the day's version moved: ingest merged into the filled sketch, not the one it kept in memory");
  }

  @Test
  void theBackfillRunsOnceAndASecondStartFindsNothingToDo() {
    Database db = upgraded();
    db.inTransaction(() -> db.handle().execute("INSERT INTO report_day (portal_id, dim, value, day, page_views, "
        + "sessions, entrances, exits, bounces, duration_ms, new_contacts, completions, revenue_micros, visitors) "
        + "VALUES (1, 'browser', 'Lynx', ?, 1, 1, 0, 0, 0, 0, 0, 0, 0, NULL)", FIRST.toEpochDay()));
    Metrics metrics = new Metrics();
    SketchBackfill first = new SketchBackfill(db, metrics);
    assertEquals(DAYS, first.pending().size());

    assertEquals(DAYS, first.run());

    assertTrue(metrics.render().contains("spoor_report_sketch_backfill_days_total " + DAYS + ".0"),
        metrics.render());
    assertTrue(metrics.render().contains("spoor_report_sketch_backfill_visits_total " + visits.size() + ".0"),
        metrics.render());
    Map<Long, Long> versions = versions(db);
    SketchBackfill second = new SketchBackfill(db, new Metrics());
    assertEquals(List.of(), second.pending(), "a bucket with visits none of which is kept got an empty sketch");
    assertEquals(0, second.run());
    assertEquals(versions, versions(db), "no day was read again");
  }

  @Test
  void twoProcessesFillingAtOnceCountEveryVisitorOnce() throws Exception {
    Database one = upgraded();
    Database two = upgraded();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService processes = Executors.newFixedThreadPool(2);
    try {
      List<Future<Long>> filled = new ArrayList<>();
      for (Database db : List.of(one, two)) {
        SketchBackfill backfill = new SketchBackfill(db, new Metrics());
        filled.add(processes.submit(() -> {
          go.await();
          return backfill.run();
        }));
      }
      go.countDown();

      long days = filled.get(0).get(60, TimeUnit.SECONDS) + filled.get(1).get(60, TimeUnit.SECONDS);
      assertTrue(days >= DAYS && days <= 2 * DAYS, days + " days filled");
    } finally {
      processes.shutdownNow();
    }
    Reports reports = new Reports(one, new VisitIndex(one, 10_000), 64);
    assertEstimate(VISITORS, visitors(reports, days(0, DAYS - 1, ReportQuery.Interval.DAY)), "the whole range");
    assertEquals(List.of(), new SketchBackfill(two, new Metrics()).pending());
  }

  private static Map<Long, Long> versions(Database db) {
    Map<Long, Long> out = new HashMap<>();
    db.read(() -> db.handle().createQuery("SELECT day, version FROM report_day_change WHERE portal_id = 1")
        .map((rs, ctx) -> out.put(rs.getLong(1), rs.getLong(2))).list());
    return out;
  }

  @Test
  void aServerStartedOnTheUpgradedStoreFillsTheSketchesByItself() {
    Map<String, String> flags = new HashMap<>(Map.of("data", dir.resolve("data").toString()));
    postgres.ifPresent(url -> flags.put("store", url));
    try (RunningSpoor server = RunningSpoor.start(flags)) {
      Polling.until("every day's sketches filled", Duration.ofSeconds(60),
          () -> server.client().get("/metrics").body(),
          m -> m.contains("spoor_report_sketch_backfill_days_total " + DAYS + ".0"));

      JsonObject totals = server.client().get("/api/v1/reports/overview?from=" + FIRST + "&to="
          + FIRST.plusDays(DAYS - 1)).json().getJsonObject("totals");
      assertEstimate(VISITORS, totals.getLong("visitors"), totals.encode());
      assertEquals(visits.size(), totals.getLong("sessions"));
    }
  }
}
