package io.spoor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.identity.Source;
import io.spoor.identity.SourceType;
import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The index of visits: its posting lists pick the same visits as reading every visit of a day,
 * for random visits and random filters of one to three terms (the event term among them), in
 * every dimension, per period and over the range; and reading ahead fills it with the same figures.
 */
@ExtendWith(TempStore.class)
class VisitIndexTest {
  static final LocalDate FROM = LocalDate.of(2026, 11, 1);
  static final LocalDate TO = LocalDate.of(2026, 11, 4);
  static final String[] KEYS = {"source", "source_data_1", "device", "browser", "os", "page", "exit", "event"};

  record Seeded(List<Map<String, String>> values) {
  }

  /** Random visits over the days FROM to TO and the day before, with the values each had. */
  static Seeded seed(Database db, Random random, int visits) {
    Rollups rollups = new Rollups(db, true, 1_000, new io.spoor.ops.Metrics());
    List<Map<String, String>> values = new ArrayList<>();
    long first = (FROM.toEpochDay() - 1) * Buckets.DAY;
    long span = (TO.toEpochDay() + 1) * Buckets.DAY - first;
    db.inTransaction(() -> {
      RollupBatch batch = rollups.batch();
      for (int i = 0; i < visits; i++) {
        String utk = String.format("%032x", random.nextInt(visits / 2 + 1));
        long start = first + (long) (random.nextDouble() * span);
        SourceType type = RollupSeeder.SOURCES[random.nextInt(RollupSeeder.SOURCES.length)];
        Source source = new Source(type, random.nextInt(3) == 0 ? null : "d" + random.nextInt(4), null);
        String agent = RollupSeeder.AGENTS[random.nextInt(RollupSeeder.AGENTS.length)];
        int pages = 1 + random.nextInt(4);
        String entry = "/p" + random.nextInt(12);
        String exit = entry;
        for (int k = 0; k < pages; k++) {
          exit = k == 0 ? entry : "/p" + random.nextInt(12);
          batch.pageView(1, utk, start, start + k * 20_000L, exit, () -> source, agent);
        }
        String event = "";
        if (random.nextInt(4) == 0) {
          event = Long.toString(1 + random.nextInt(3));
          batch.completion(1, Long.parseLong(event), start + 5_000, random.nextInt(3) * 1_000_000L, utk, start);
        }
        if (random.nextInt(10) == 0) {
          batch.newContact(1, utk, start, start + 1_000);
        }
        values.add(Map.of("source", type.name(), "source_data_1", source.data1() == null ? "" : source.data1(),
            "page", entry, "exit", exit, "event", event, "day", Long.toString(Math.floorDiv(start, Buckets.DAY))));
      }
      batch.flush();
      return null;
    });
    return new Seeded(values);
  }

  static ReportQuery query(String filter, ReportQuery.Interval interval) {
    return new ReportQuery(1, FROM, TO, interval, ReportFilter.parse(filter));
  }

  /** The devices, browsers and systems the index saw, by filter key. */
  static Map<String, List<String>> seen(Database db, VisitIndex index) {
    Map<String, List<String>> seen = new java.util.HashMap<>();
    db.read(() -> {
      for (String key : new String[] {"device", "browser", "os"}) {
        seen.put(key, new ArrayList<>(index.byValue(query(null, ReportQuery.Interval.DAY),
            key.equals("device") ? Dimension.DEVICE : key.equals("browser") ? Dimension.BROWSER : Dimension.OS)
            .keySet()));
      }
      return null;
    });
    return seen;
  }

  /** A filter of one to three terms on values the seeded visits had. */
  static String randomFilter(Random random, Seeded seeded, Map<String, List<String>> seen) {
    StringBuilder filter = new StringBuilder();
    int terms = 1 + random.nextInt(3);
    for (int t = 0; t < terms; t++) {
      String key = KEYS[random.nextInt(KEYS.length)];
      String value;
      if (seen.containsKey(key)) {
        List<String> values = seen.get(key);
        value = values.get(random.nextInt(values.size()));
      } else {
        value = seeded.values().get(random.nextInt(seeded.values().size())).get(key);
        if (value.isEmpty()) {
          value = key.equals("event") ? "2" : "d1";
        }
      }
      filter.append(t == 0 ? "" : ";").append(key).append(':').append(value);
    }
    return filter.toString();
  }

  @Test
  void thePostingListsAndAScanOfEveryVisitAgreeOnRandomVisitsAndFilters(Database db) {
    Random random = new Random(20);
    Seeded seeded = seed(db, random, 3000);
    VisitIndex postings = new VisitIndex(db, 100_000);
    VisitIndex scan = new VisitIndex(db, 100_000, true);
    Map<String, List<String>> seen = seen(db, scan);
    int nonEmpty = 0;
    for (int round = 0; round < 60; round++) {
      String filter = randomFilter(random, seeded, seen);
      ReportQuery.Interval interval = random.nextBoolean() ? ReportQuery.Interval.DAY : ReportQuery.Interval.HOUR;
      ReportQuery q = query(filter, interval);
      boolean perPeriod = random.nextBoolean();
      List<Dimension> dims = List.of(Dimension.values());
      Map<Dimension, Map<String, Map<Long, Counts>>> fromPostings = db.read(() -> postings.sumAll(q, dims, perPeriod));
      Map<Dimension, Map<String, Map<Long, Counts>>> fromScan = db.read(() -> scan.sumAll(q, dims, perPeriod));
      assertEquals(fromScan, fromPostings, filter);
      for (Dimension dim : dims) {
        assertEquals(fromScan.get(dim), db.read(() -> postings.sum(q, dim, perPeriod)), filter + " " + dim);
      }
      nonEmpty += fromScan.get(Dimension.ALL).isEmpty() ? 0 : 1;
    }
    assertTrue(nonEmpty > 20, "most random filters keep some visits: " + nonEmpty);
  }

  @Test
  void anEventTermKeepsTheVisitsThatCompletedTheEvent(Database db) {
    Seeded seeded = seed(db, new Random(7), 1000);
    VisitIndex index = new VisitIndex(db, 100_000);
    long expected = seeded.values().stream().filter(v -> v.get("event").equals("2")
        && v.get("source").equals("REFERRALS") && Long.parseLong(v.get("day")) >= FROM.toEpochDay()).count();
    Counts counts = db.read(() -> index.totals(query("event:2;source:REFERRALS", ReportQuery.Interval.DAY)));
    assertTrue(expected > 0);
    assertEquals(expected, counts.sessions());
  }

  @Test
  void readingAheadHoldsTheRecentDaysAndGivesTheSameFigures(Database db) {
    seed(db, new Random(3), 1000);
    VisitIndex ahead = new VisitIndex(db, 100_000);
    ahead.warm((TO.toEpochDay() + 1) * Buckets.DAY - 1, 6);
    assertEquals(1000, ahead.held());
    VisitIndex asked = new VisitIndex(db, 100_000);
    ReportQuery q = query("device:desktop", ReportQuery.Interval.DAY);
    assertEquals(db.read(() -> asked.sum(q, Dimension.ALL, true)), db.read(() -> ahead.sum(q, Dimension.ALL, true)));
  }

  @Test
  void readingAheadStopsWhereTheIndexIsFull(Database db) {
    seed(db, new Random(4), 1000);
    VisitIndex ahead = new VisitIndex(db, 400);
    ahead.warm((TO.toEpochDay() + 1) * Buckets.DAY - 1, 6);
    assertTrue(ahead.held() > 0 && ahead.held() <= 400, "held " + ahead.held());
  }
}
