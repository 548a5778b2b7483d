package io.spoor.report;

import static io.spoor.report.VisitIndexTest.FROM;
import static io.spoor.report.VisitIndexTest.TO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Filtered reports' per-day partial sums: adding them up gives exactly the figures of counting
 * every matching visit, for random visits, filters and ranges, cold and repeated; a late write
 * into an old day has its partial sum summed again; edge days, today and yesterday are counted
 * visit by visit; the sums kept stay within their bound.
 */
@ExtendWith(TempStore.class)
class PartialSumsTest {
  private static final long MB = 1024 * 1024;
  private static final List<Dimension> DIMS = List.of(Dimension.values());

  private static ReportQuery query(LocalDate from, LocalDate to, String filter, ReportQuery.Interval interval) {
    return new ReportQuery(1, from, to, interval, ReportFilter.parse(filter));
  }

  private static void visit(Database db, String utk, long startedAt, long pageViews, long changedAt) {
    db.inTransaction(() -> db.handle().createUpdate("INSERT INTO report_session (portal_id, utk, started_at, "
            + "last_at, entry_path, exit_path, page_views, source, source_data_1, source_data_2, device, browser, "
            + "os, new_contacts, changed_at) VALUES (1, :utk, :s, :s, '/', '/', :views, 'DIRECT_TRAFFIC', '', '', "
            + "'desktop', 'Chrome', 'Linux', 0, :changed)")
        .bind("utk", utk).bind("s", startedAt).bind("views", pageViews).bind("changed", changedAt).execute());
  }

  private static void completion(Database db, String utk, long startedAt, long eventId, long at, long completions,
      long changedAt) {
    db.inTransaction(() -> db.handle().createUpdate("INSERT INTO report_visit_event (portal_id, utk, started_at, "
            + "event_id, hour, completions, revenue_micros, changed_at) VALUES (1, :utk, :s, :event, :hour, :n, 0, "
            + ":changed)")
        .bind("utk", utk).bind("s", startedAt).bind("event", eventId).bind("hour", RollupBatch.hour(at))
        .bind("n", completions).bind("changed", changedAt).execute());
  }

  private static Map<Dimension, Map<String, Map<Long, Counts>>> sums(Database db, VisitIndex index, ReportQuery q,
      boolean perPeriod) {
    return db.read(() -> index.sumAll(q, DIMS, perPeriod));
  }

  @Test
  void partialSumsAndCountingEveryVisitAgreeOnRandomVisitsFiltersAndRanges(Database db) {
    Random random = new Random(21);
    VisitIndexTest.Seeded seeded = VisitIndexTest.seed(db, random, 3000);
    VisitIndex partial = new VisitIndex(db, 100_000, false, VisitIndex.WAIT_MS, VisitIndex.ReadHook.NONE, 64 * MB);
    VisitIndex bounded = new VisitIndex(db, 100_000, false, VisitIndex.WAIT_MS, VisitIndex.ReadHook.NONE, 30_000);
    VisitIndex scan = new VisitIndex(db, 100_000, true);
    Map<String, List<String>> seen = VisitIndexTest.seen(db, scan);
    int days = (int) (TO.toEpochDay() - FROM.toEpochDay()) + 1;
    for (int round = 0; round < 60; round++) {
      String filter = VisitIndexTest.randomFilter(random, seeded, seen);
      LocalDate from = FROM.plusDays(random.nextInt(days));
      LocalDate to = from.plusDays(random.nextInt((int) (TO.toEpochDay() - from.toEpochDay()) + 1));
      ReportQuery q = query(from, to, filter, random.nextBoolean() ? ReportQuery.Interval.DAY
          : ReportQuery.Interval.HOUR);
      boolean perPeriod = random.nextBoolean();
      Map<Dimension, Map<String, Map<Long, Counts>>> expected = sums(db, scan, q, perPeriod);
      String what = filter + " " + from + ".." + to + " " + q.interval() + (perPeriod ? " per period" : "");
      assertEquals(expected, sums(db, partial, q, perPeriod), "first, " + what);
      assertEquals(expected, sums(db, bounded, q, perPeriod), "bounded, first, " + what);
      partial.awaitSummed();
      bounded.awaitSummed();
      assertEquals(expected, sums(db, partial, q, perPeriod), "repeated, " + what);
      assertEquals(expected, sums(db, bounded, q, perPeriod), "bounded, " + what);
      assertEquals(expected.get(Dimension.SOURCE), db.read(() -> partial.sum(q, Dimension.SOURCE, perPeriod)), what);
    }
    PartialSums.Stats stats = partial.partialSums();
    assertTrue(stats.hits() > stats.misses(), "repeated filters use the days' partial sums: " + stats);
    assertTrue(bounded.partialSums().bytes() <= 30_000, "bounded: " + bounded.partialSums());
    assertTrue(bounded.partialSums().kept() > 0, "bounded: " + bounded.partialSums());
  }

  @Test
  void aLateVisitOrCompletionWrittenIntoAnOldDayHasTheDaySummedAgain(Database db) {
    VisitIndexTest.seed(db, new Random(5), 1000);
    VisitIndex partial = new VisitIndex(db, 100_000, false, VisitIndex.WAIT_MS, VisitIndex.ReadHook.NONE, 64 * MB);
    ReportQuery q = query(FROM, TO, "device:desktop", ReportQuery.Interval.DAY);
    Counts before = db.read(() -> partial.totals(q));
    partial.awaitSummed();
    assertEquals(before, db.read(() -> partial.totals(q)));
    long hits = partial.partialSums().hits();
    assertTrue(hits > 0, "the repeated report used the days' partial sums: " + partial.partialSums());

    long now = System.currentTimeMillis();
    long started = FROM.plusDays(1).toEpochDay() * Buckets.DAY + 12 * RollupBatch.HOUR;
    visit(db, "late".repeat(8), started, 3, now + 60_000);
    Counts afterVisit = db.read(() -> partial.totals(q));
    assertEquals(before.sessions() + 1, afterVisit.sessions());
    assertEquals(before.pageViews() + 3, afterVisit.pageViews());

    completion(db, "late".repeat(8), started, 9, started + 60_000, 2, now + 120_000);
    Counts afterCompletion = db.read(() -> partial.totals(q));
    assertEquals(afterVisit.completions() + 2, afterCompletion.completions());
    VisitIndex scan = new VisitIndex(db, 100_000, true);
    assertEquals(sums(db, scan, q, true), sums(db, partial, q, true));
    assertEquals(db.read(() -> scan.totals(q)), afterCompletion);
  }

  @Test
  void aDayDroppedFromTheIndexAndReadAgainAfterALateWriteIsSummedAgain(Database db) {
    VisitIndexTest.seed(db, new Random(6), 1000);
    VisitIndex partial = new VisitIndex(db, 500, false, VisitIndex.WAIT_MS, VisitIndex.ReadHook.NONE, 64 * MB);
    ReportQuery first = query(FROM, FROM, "device:desktop", ReportQuery.Interval.DAY);
    ReportQuery last = query(TO, TO, "device:desktop", ReportQuery.Interval.DAY);
    Counts before = db.read(() -> partial.totals(first));
    partial.awaitSummed();
    db.read(() -> partial.totals(last)); // the index drops the first query's days to hold these
    assertTrue(partial.held() <= 500);

    // a visit of the dropped day changes in place: read again, the day holds as many visits as before
    Map<String, Object> row = db.read(() -> db.handle().createQuery("SELECT utk, started_at FROM report_session "
            + "WHERE portal_id = 1 AND device = 'desktop' AND started_at >= :from AND started_at < :to "
            + "ORDER BY started_at LIMIT 1").bind("from", FROM.toEpochDay() * Buckets.DAY)
        .bind("to", (FROM.toEpochDay() + 1) * Buckets.DAY).mapToMap().one());
    db.inTransaction(() -> db.handle().createUpdate("UPDATE report_session SET page_views = page_views + 5, "
            + "changed_at = :changed WHERE portal_id = 1 AND utk = :utk AND started_at = :s")
        .bind("changed", System.currentTimeMillis() + 60_000).bind("utk", row.get("utk"))
        .bind("s", row.get("started_at")).execute());

    Counts after = db.read(() -> partial.totals(first));
    assertEquals(before.sessions(), after.sessions());
    assertEquals(before.pageViews() + 5, after.pageViews());
  }

  @Test
  void aDayWhoseCompletionsRunPastTheRangeAndTheDayBeforeTheRangeAreCountedVisitByVisit(Database db) {
    long nov2 = FROM.plusDays(1).toEpochDay() * Buckets.DAY;
    long late = nov2 + Buckets.DAY - 2_000;
    visit(db, "a".repeat(32), late, 1, 1);
    completion(db, "a".repeat(32), late, 4, late + 5_000, 1, 1); // in the first hour of Nov 3
    visit(db, "b".repeat(32), nov2 + 10 * RollupBatch.HOUR, 2, 1);
    completion(db, "b".repeat(32), nov2 + 10 * RollupBatch.HOUR, 4, nov2 + 10 * RollupBatch.HOUR, 1, 1);
    VisitIndex partial = new VisitIndex(db, 100_000, false, VisitIndex.WAIT_MS, VisitIndex.ReadHook.NONE, 64 * MB);
    VisitIndex scan = new VisitIndex(db, 100_000, true);

    ReportQuery toNov2 = query(FROM, FROM.plusDays(1), "event:4", ReportQuery.Interval.HOUR);
    ReportQuery toNov3 = query(FROM, FROM.plusDays(2), "event:4", ReportQuery.Interval.HOUR);
    ReportQuery nov3 = query(FROM.plusDays(2), FROM.plusDays(2), "event:4", ReportQuery.Interval.HOUR);
    for (int ask = 0; ask < 2; ask++) {
      assertEquals(2, db.read(() -> partial.totals(toNov2)).sessions());
      assertEquals(1, db.read(() -> partial.totals(toNov2)).completions(), "Nov 3's completion is past the range");
      assertEquals(2, db.read(() -> partial.totals(toNov3)).completions());
      assertEquals(0, db.read(() -> partial.totals(nov3)).sessions());
      assertEquals(1, db.read(() -> partial.totals(nov3)).completions(), "the visit of the day before completed");
      for (ReportQuery q : List.of(toNov2, toNov3, nov3)) {
        for (boolean perPeriod : new boolean[] {false, true}) {
          assertEquals(sums(db, scan, q, perPeriod), sums(db, partial, q, perPeriod), q + " " + perPeriod);
        }
      }
      partial.awaitSummed();
    }
    assertTrue(partial.partialSums().hits() > 0, partial.partialSums().toString());
  }

  @Test
  void todayAndYesterdayAreCountedVisitByVisitAndNotKept(Database db) {
    long today = Math.floorDiv(System.currentTimeMillis(), Buckets.DAY);
    for (long d = today - 3; d <= today; d++) {
      visit(db, Long.toString(d).repeat(4), d * Buckets.DAY, 1, 1);
    }
    VisitIndex partial = new VisitIndex(db, 100_000, false, VisitIndex.WAIT_MS, VisitIndex.ReadHook.NONE, 64 * MB);
    ReportQuery q = query(LocalDate.ofEpochDay(today - 3), LocalDate.ofEpochDay(today), "device:desktop",
        ReportQuery.Interval.DAY);

    assertEquals(4, db.read(() -> partial.totals(q)).sessions());
    partial.awaitSummed();
    assertEquals(2, partial.partialSums().kept(), "the two days before yesterday: " + partial.partialSums());
    visit(db, "now".repeat(8), today * Buckets.DAY, 1, System.currentTimeMillis() + 60_000);
    assertEquals(5, db.read(() -> partial.totals(q)).sessions());
    partial.awaitSummed();
    assertEquals(2, partial.partialSums().kept(), partial.partialSums().toString());
  }

  @Test
  void partialSumsKeptStayWithinTheirBoundDroppingTheLeastRecentlyUsed() {
    PartialSums sums = new PartialSums(1_000);
    VisitDay day = new VisitDay(20_000);
    PartialSums.Day sum = new PartialSums.Day(new long[1], new long[1], new long[Tally.SUMS], null, Long.MAX_VALUE,
        Long.MIN_VALUE);
    PartialSums.Key first = new PartialSums.Key(1, "f", Dimension.ALL, 0, 20_000);
    PartialSums.Key second = new PartialSums.Key(1, "f", Dimension.SOURCE, 0, 20_000);
    PartialSums.Key third = new PartialSums.Key(1, "f", Dimension.DEVICE, 0, 20_000);
    sums.put(first, day, sum);
    sums.put(second, day, sum);
    assertNotNull(sums.get(first, day)); // now the second is the least recently used
    sums.put(third, day, sum);

    assertNull(sums.get(second, day));
    assertNotNull(sums.get(first, day));
    assertNotNull(sums.get(third, day));
    assertEquals(2, sums.stats().kept());
    assertTrue(sums.stats().bytes() <= 1_000, sums.stats().toString());
    assertFalse(new PartialSums(0).on());
  }
}
