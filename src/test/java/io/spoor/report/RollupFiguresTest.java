package io.spoor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.identity.Source;
import io.spoor.identity.SourceType;
import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The daily buckets summed by value code in flat arrays give what adding them up bucket by
 * bucket gives (a tally per value and day, and per value over the range, its visitors' sketches
 * merged), on random visits over random days, read fresh and from the cache, and after more hits
 * moved the days' versions.
 */
@ExtendWith(TempStore.class)
class RollupFiguresTest {
  static final LocalDate FROM = LocalDate.of(2026, 11, 1);
  static final int DAYS = 9;
  static final String[] PAGES = {"/", "/pricing", "/docs", "/blog/a", "/blog/b", "/about", "/p/" + "x".repeat(40)};

  static void randomHits(Database db, Random random, int visits) {
    Rollups rollups = new Rollups(db, true, 1_000, new io.spoor.ops.Metrics());
    db.inTransaction(() -> {
      RollupBatch batch = rollups.batch();
      for (int i = 0; i < visits; i++) {
        String utk = String.format("%032x", random.nextInt(visits / 2 + 1));
        long start = FROM.toEpochDay() * Buckets.DAY + (long) (random.nextDouble() * DAYS * Buckets.DAY);
        SourceType type = SourceType.values()[random.nextInt(SourceType.values().length)];
        Source source = new Source(type, "d" + random.nextInt(4), null);
        String agent = RollupSeeder.AGENTS[random.nextInt(RollupSeeder.AGENTS.length)];
        for (int k = 0, pages = 1 + random.nextInt(4); k < pages; k++) {
          batch.pageView(1, utk, start, start + k * random.nextInt(3_000_000), PAGES[random.nextInt(PAGES.length)],
              () -> source, agent);
        }
        if (random.nextInt(4) == 0) {
          batch.completion(1, 1 + random.nextInt(3), start + 1_000, random.nextInt(5) * 1_000_000L, utk, start);
        }
        if (random.nextInt(9) == 0) {
          batch.newContact(1, utk, start, start + 2_000);
        }
      }
      batch.flush();
      return null;
    });
  }

  /** Each bucket of the range added up one by one: per value, per day and over the range under WHOLE (or 0). */
  static Map<String, Map<Long, Counts>> bucketByBucket(Database db, ReportQuery q, Dimension dim, boolean perPeriod) {
    Map<String, Map<Long, Tally>> tallies = new HashMap<>();
    db.handle().createQuery("SELECT value, day, page_views, sessions, entrances, exits, bounces, duration_ms, "
            + "new_contacts, completions, revenue_micros, visitors FROM report_day WHERE portal_id = :portal "
            + "AND dim = :dim AND day >= :from AND day <= :to")
        .bind("portal", q.portalId()).bind("dim", dim.stored()).bind("from", q.from().toEpochDay())
        .bind("to", q.to().toEpochDay())
        .map((rs, ctx) -> {
          Counts c = new Counts(-1, rs.getLong(4), rs.getLong(3), rs.getLong(5), rs.getLong(6), rs.getLong(7),
              rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11));
          byte[] sketch = Figures.countsVisitors(dim) ? rs.getBytes(12) : null;
          Map<Long, Tally> periods = tallies.computeIfAbsent(rs.getString(1), v -> new HashMap<>());
          for (long p : perPeriod ? new long[] {rs.getLong(2), Figures.WHOLE} : new long[] {0L}) {
            Tally t = periods.computeIfAbsent(p, k -> new Tally());
            t.add(c);
            t.addVisitors(sketch);
          }
          return c;
        }).forEach(c -> { });
    Map<String, Map<Long, Counts>> out = new HashMap<>();
    tallies.forEach((value, periods) -> {
      Map<Long, Counts> counts = new HashMap<>();
      periods.forEach((p, t) -> counts.put(p, t.counts(Figures.countsVisitors(dim))));
      out.put(value, counts);
    });
    return out;
  }

  static void assertSameSums(Database db, RollupFigures figures, ReportQuery q) {
    for (Dimension dim : Dimension.values()) {
      for (boolean perPeriod : new boolean[] {true, false}) {
        Map<String, Map<Long, Counts>> expected = db.read(() -> bucketByBucket(db, q, dim, perPeriod));
        assertTrue(!expected.isEmpty() || dim == Dimension.EVENT, dim + " has buckets");
        assertEquals(expected, db.read(() -> figures.sum(q, dim, perPeriod)), dim + ", per day " + perPeriod);
      }
    }
  }

  @Test
  void summingByValueCodeGivesWhatAddingUpEachBucketGivesOnRandomVisits(Database db) {
    Random random = new Random(20261207);
    randomHits(db, random, 600);
    RollupFigures figures = new RollupFigures(db, 1 << 20);
    ReportQuery all = new ReportQuery(1, FROM, FROM.plusDays(DAYS - 1), ReportQuery.Interval.DAY, ReportFilter.NONE);
    ReportQuery some = new ReportQuery(1, FROM.plusDays(2), FROM.plusDays(5), ReportQuery.Interval.DAY,
        ReportFilter.NONE);
    assertSameSums(db, figures, all);
    assertSameSums(db, figures, some);
    assertSameSums(db, figures, all); // from the cache
    randomHits(db, random, 200);
    assertSameSums(db, figures, all); // the days whose version moved read again
  }

  @Test
  void periodsGroupTheDaysAndAddUpEachDaysVisitorsUnlessMerged(Database db) {
    randomHits(db, new Random(7), 300);
    RollupFigures figures = new RollupFigures(db, 1 << 20);
    ReportQuery q = new ReportQuery(1, FROM, FROM.plusDays(DAYS - 1), ReportQuery.Interval.DAY, ReportFilter.NONE);
    Map<String, Map<Long, Counts>> daily = db.read(() -> bucketByBucket(db, q, Dimension.SOURCE, true));
    RollupFigures.Periods weeks = db.read(() -> figures.periods(q, Dimension.SOURCE, LegacyQuery.Period.WEEKLY::key,
        false));
    for (int p = 0; p < weeks.keys().length; p++) {
      long week = weeks.keys()[p];
      for (int code = 0; code < weeks.values().size(); code++) {
        String value = weeks.values().get(code);
        Counts expected = daily.get(value).entrySet().stream()
            .filter(e -> e.getKey() != Figures.WHOLE && LegacyQuery.Period.WEEKLY.key(e.getKey()) == week)
            .map(Map.Entry::getValue).reduce(Counts::plus).orElse(null);
        assertEquals(expected, weeks.sums()[p].has(code) ? weeks.sums()[p].counts(code) : null, value + " " + week);
      }
    }
  }
}
