package io.spoor.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spoor.ops.Counter;
import io.spoor.ops.Metrics;
import io.spoor.store.Database;
import io.spoor.testkit.StoreContract;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the {@link RollupStore} does: visits are found by their key and saved over, daily
 * buckets add up, and one portal never sees another's. An implementation's test makes the store
 * and, with {@link #alongside}, the report reads over the same data.
 */
abstract class RollupStoreContract extends StoreContract<RollupStore> {
  private static final long HOUR = RollupBatch.HOUR;
  private RollupFigures reads;
  private Database db;

  protected final void alongside(RollupFigures reads) {
    this.reads = reads;
  }

  /** A counter of the visits a store reads back, of its own. */
  static Counter visitsRead() {
    return new Metrics().counter("visits_read_total", "Visits read back");
  }

  /** The database the store writes, for a second process's store over the same data. */
  protected final void over(Database db) {
    this.db = db;
  }

  private static Buckets newVisit(String utk) {
    Buckets added = new Buckets();
    added.session(visit(1, utk, 10 * HOUR, 1), 1, true);
    return added;
  }

  private long visitors() {
    return buckets(1, Dimension.BROWSER).get("Firefox").visitors();
  }

  private static SessionRow visit(long portal, String utk, long startedAt, long pageViews) {
    return new SessionRow(portal, utk, startedAt, startedAt + 1_000, "/in", "/out", pageViews, "DIRECT_TRAFFIC", "",
        "", "desktop", "Firefox", "Linux", 0);
  }

  /** The daily buckets of the first days of 1970, summed per value. */
  private Map<String, Counts> buckets(long portal, Dimension dim) {
    return read(s -> reads.byValue(new ReportQuery(portal, java.time.LocalDate.EPOCH,
        java.time.LocalDate.EPOCH.plusDays(40), ReportQuery.Interval.DAY, ReportFilter.NONE), dim));
  }

  @Test
  void savedVisitsAreFoundByTheirKeyAndSavingAgainReplacesThem() {
    SessionRow first = visit(1, "utk-a", 100, 1);
    SessionRow other = visit(1, "utk-a", 5_000, 1);
    run(s -> s.saveSessions(List.of(first, other, visit(2, "utk-a", 100, 1)), 1));
    SessionRow later = first.withPage(2_000, "/later").withNewContact();

    run(s -> s.saveSessions(List.of(later), 2));

    assertEquals(Map.of(later.key(), later, other.key(), other),
        read(s -> s.sessions(Set.of(first.key(), other.key(), new SessionRow.Key(1, "utk-b", 100)))));
    assertEquals(Map.of(), read(s -> s.sessions(Set.of())));
  }

  @Test
  void theVisitsOfMoreVisitorsThanOneReadAsksForAreAllFound() {
    List<SessionRow> visits = java.util.stream.IntStream.range(0, 2 * RollupStore.VISITS_PER_READ + 3)
        .mapToObj(i -> visit(1, "utk-" + i, 100, 1)).toList();
    run(s -> s.saveSessions(visits, 1));

    Map<SessionRow.Key, SessionRow> found = read(s -> s.sessions(visits.stream().map(SessionRow::key).toList()));

    assertEquals(visits.size(), found.size());
    visits.forEach(v -> assertEquals(v, found.get(v.key())));
  }

  @Test
  void aPortalNeverSeesAnotherPortalsVisits() {
    SessionRow theirs = visit(2, "utk-a", 100, 1);
    run(s -> s.saveSessions(List.of(theirs), 1));

    assertEquals(Map.of(), read(s -> s.sessions(Set.of(new SessionRow.Key(1, "utk-a", 100)))));
    assertEquals(Map.of(theirs.key(), theirs), read(s -> s.sessions(Set.of(theirs.key()))));
  }

  @Test
  void aVisitGetsItsExitPageAndBounceRightWhenItsHitsArriveInTwoBatches() {
    long start = 10 * HOUR;
    run(s -> page(s, "utk-a", start, start, "/first"));
    assertEquals(1, buckets(1, Dimension.ALL).get("").bounces(), "one page so far: a bounce");

    run(s -> page(s, "utk-a", start, start + 60_000, "/second"));

    Counts all = buckets(1, Dimension.ALL).get("");
    assertEquals(List.of(1L, 2L, 0L, 60_000L, 1L), List.of(all.sessions(), all.pageViews(), all.bounces(),
        all.durationMs(), all.visitors()));
    Map<String, Counts> pages = buckets(1, Dimension.PAGE);
    assertEquals(List.of(1L, 0L, 0L), List.of(pages.get("/first").entrances(), pages.get("/first").exits(),
        pages.get("/first").bounces()));
    assertEquals(1, pages.get("/second").exits());
    assertEquals(2, buckets(1, Dimension.BROWSER).get(UserAgents.UNKNOWN).pageViews());
  }

  @Test
  void aLatePageOfAStoredVisitIsCountedIntoItWithoutMovingItsExit() {
    long start = 10 * HOUR;
    run(s -> {
      RollupBatch batch = new RollupBatch(s, new UserAgents(), new RecentVisits(0), true);
      batch.pageView(1, "utk-a", start, start, "/first", () -> DIRECT, null);
      batch.pageView(1, "utk-a", start, start + 60_000, "/last", () -> DIRECT, null);
      batch.flush();
    });

    run(s -> page(s, "utk-a", start, start + 30_000, "/late"));

    Counts all = buckets(1, Dimension.ALL).get("");
    assertEquals(List.of(1L, 3L, 0L, 60_000L, 1L), List.of(all.sessions(), all.pageViews(), all.bounces(),
        all.durationMs(), all.visitors()));
    assertEquals(1, buckets(1, Dimension.PAGE).get("/last").exits(), "the late page does not move the exit");
    assertEquals(3, read(s -> s.sessions(Set.of(new SessionRow.Key(1, "utk-a", start))))
        .get(new SessionRow.Key(1, "utk-a", start)).pageViews());
  }

  private static final io.spoor.identity.Source DIRECT =
      new io.spoor.identity.Source(io.spoor.identity.SourceType.DIRECT_TRAFFIC, null, null);

  /** One batch of one page view. */
  private static void page(RollupStore store, String utk, long start, long at, String path) {
    RollupBatch batch = new RollupBatch(store, new UserAgents(), new RecentVisits(0), true);
    batch.pageView(1, utk, start, at, path, () -> DIRECT, null);
    batch.flush();
  }

  @Test
  void bucketAdditionsAddUpPerPortalDimensionValueAndDay() {
    Buckets one = new Buckets();
    one.add(1, Dimension.PAGE, "/a", 10 * HOUR, Buckets.PAGE_VIEWS, 2);
    one.add(1, Dimension.PAGE, "/b", 10 * HOUR, Buckets.PAGE_VIEWS, 1);
    one.add(2, Dimension.PAGE, "/a", 10 * HOUR, Buckets.PAGE_VIEWS, 7);
    one.add(1, Dimension.EVENT, "5", 10 * HOUR, Buckets.COMPLETIONS, 1);
    one.add(1, Dimension.EVENT, "5", 10 * HOUR, Buckets.REVENUE, 2_500_000);
    Buckets two = new Buckets();
    two.add(1, Dimension.PAGE, "/a", 10 * HOUR, Buckets.PAGE_VIEWS, 3);
    two.add(1, Dimension.PAGE, "/a", 11 * HOUR, Buckets.PAGE_VIEWS, 1);
    two.add(1, Dimension.EVENT, "5", 10 * HOUR, Buckets.COMPLETIONS, 1);

    run(s -> s.addBuckets(one));
    run(s -> s.addBuckets(two));
    run(s -> s.addBuckets(new Buckets()));

    Map<String, Counts> pages = buckets(1, Dimension.PAGE);
    assertEquals(Set.of("/a", "/b"), pages.keySet());
    assertEquals(6, pages.get("/a").pageViews(), "2 and 3 in hour 10, 1 in hour 11");
    assertEquals(1, pages.get("/b").pageViews());
    assertEquals(7, buckets(2, Dimension.PAGE).get("/a").pageViews());
    Counts event = buckets(1, Dimension.EVENT).get("5");
    assertEquals(2, event.completions());
    assertEquals(2_500_000, event.revenueMicros());
    assertEquals(Map.of(), buckets(1, Dimension.SOURCE));
  }

  @Test
  void aTakenBackVisitLeavesItsBucketsAtZero() {
    SessionRow visit = visit(1, "utk-a", 0, 1);
    Buckets added = new Buckets();
    added.session(visit, 1, true);
    Buckets takenBack = new Buckets();
    takenBack.session(visit, -1, false);

    run(s -> s.addBuckets(added));
    assertEquals(1, buckets(1, Dimension.BROWSER).get("Firefox").sessions());
    run(s -> s.addBuckets(takenBack));

    Counts browser = buckets(1, Dimension.BROWSER).get("Firefox");
    assertEquals(0, browser.sessions());
    assertEquals(0, browser.bounces());
    assertEquals(0, browser.durationMs());
    assertEquals(1, browser.visitors(), "the visitor seen stays in the sketch");
  }

  @Test
  void aBatchMergesItsVisitorsIntoTheSketchItsProcessWroteLastWithoutReadingItBack() {
    run(s -> s.addBuckets(newVisit("utk-a")));
    db.inTransaction(() -> db.handle().execute("UPDATE report_day SET visitors = ? WHERE portal_id = 1",
        (Object) new byte[] {9})); // unreadable, behind the store's back: a batch that read it would fail

    run(s -> s.addBuckets(newVisit("utk-b")));

    assertEquals(2, visitors());
  }

  @Test
  void visitorsAddedByTwoProcessesToOneDayAreAllInItsSketches() {
    RollupStore other = new RollupStore(db, visitsRead());
    run(s -> s.addBuckets(newVisit("utk-a")));
    db.inTransaction(() -> {
      other.addBuckets(newVisit("utk-b"));
      return null;
    });

    run(s -> s.addBuckets(newVisit("utk-c")));

    assertEquals(3, visitors(), "the second process's visitor is kept by the first's next batch");
  }

  @Test
  void theVisitorsOfABatchThatRolledBackAreNotInTheSketches() {
    run(s -> s.addBuckets(newVisit("utk-a")));
    assertThrows(IllegalStateException.class, () -> run(s -> {
      s.addBuckets(newVisit("utk-x"));
      throw new IllegalStateException("the batch failed after its rollups");
    }));

    run(s -> s.addBuckets(newVisit("utk-c")));

    assertEquals(2, visitors());
  }

  @Test
  void aBatchWhoseVisitorsRaiseNoRegisterDoesNotRewriteTheStoredSketch() {
    run(s -> s.addBuckets(newVisit("utk-a")));
    byte[] marker = new Hll().add(Hll.hash("utk-z")).toBytes(); // written behind the store's back, to see a rewrite
    db.inTransaction(() -> db.handle().execute("UPDATE report_day SET visitors = ? WHERE portal_id = 1 "
        + "AND dim = 'browser'", (Object) marker));

    run(s -> s.addBuckets(newVisit("utk-a")));

    assertArrayEquals(marker, storedSketch(), "the visitor seen again raised no register: nothing to write");
  }

  private byte[] storedSketch() {
    return db.read(() -> db.handle()
        .createQuery("SELECT visitors FROM report_day WHERE portal_id = 1 AND dim = 'browser'")
        .mapTo(byte[].class).one());
  }

  /** One page view, applied in a transaction of its own and told it committed, as the applier does. */
  private void pageOf(RollupStore store, RecentVisits recent, String utk, long start, long at) {
    RollupBatch batch = new RollupBatch(store, new UserAgents(), recent, true);
    db.inTransaction(() -> {
      batch.pageView(1, utk, start, at, "/p" + at, () -> DIRECT, null);
      batch.flush();
      return null;
    });
    batch.committed();
  }

  private SessionRow stored(String utk, long start) {
    return read(s -> s.sessions(Set.of(new SessionRow.Key(1, utk, start)))).get(new SessionRow.Key(1, utk, start));
  }

  @Test
  void theVisitsAProcessWroteLastAndNewVisitsAreWrittenWithoutBeingReadBack() {
    Counter read = visitsRead();
    RollupStore store = new RollupStore(db, read);
    RecentVisits recent = new RecentVisits(100);
    long start = 10 * HOUR;
    pageOf(store, recent, "utk-a", start, start);
    long lookedUp = read.value();

    pageOf(store, recent, "utk-a", start, start + 60_000);
    pageOf(store, recent, "utk-b", start + HOUR, start + HOUR);

    assertEquals(lookedUp, read.value(), "neither visit was read from the store");
    assertEquals(2, stored("utk-a", start).pageViews());
    assertEquals(1, stored("utk-b", start + HOUR).pageViews());
    Counts all = buckets(1, Dimension.ALL).get("");
    assertEquals(List.of(2L, 3L, 1L), List.of(all.sessions(), all.pageViews(), all.bounces()));
  }

  @Test
  void aVisitAnotherProcessWroteMeanwhileIsReadNotTakenFromMemory() {
    RollupStore mine = new RollupStore(db, visitsRead());
    RecentVisits held = new RecentVisits(100);
    RollupStore theirs = new RollupStore(db, visitsRead());
    RecentVisits theirsHeld = new RecentVisits(100);
    long start = 10 * HOUR;
    pageOf(mine, held, "utk-a", start, start);
    pageOf(theirs, theirsHeld, "utk-a", start, start + 10_000);
    pageOf(theirs, theirsHeld, "utk-c", start + 2 * HOUR, start + 2 * HOUR); // later than all this process wrote

    pageOf(mine, held, "utk-a", start, start + 20_000);
    pageOf(mine, held, "utk-c", start + 2 * HOUR, start + 2 * HOUR + 5_000);

    assertEquals(3, stored("utk-a", start).pageViews());
    assertEquals(2, stored("utk-c", start + 2 * HOUR).pageViews());
    Counts all = buckets(1, Dimension.ALL).get("");
    assertEquals(List.of(2L, 5L, 0L), List.of(all.sessions(), all.pageViews(), all.bounces()));
  }

  @Test
  void aVisitNoLongerHeldIsReadFromTheStore() {
    Counter read = visitsRead();
    RollupStore store = new RollupStore(db, read);
    RecentVisits recent = new RecentVisits(1);
    long start = 10 * HOUR;
    pageOf(store, recent, "utk-a", start, start);
    pageOf(store, recent, "utk-b", start + HOUR, start + HOUR); // holds one visit: utk-a's goes
    long lookedUp = read.value();

    pageOf(store, recent, "utk-a", start, start + 60_000);

    assertEquals(lookedUp + 1, read.value());
    assertEquals(2, stored("utk-a", start).pageViews());
    assertEquals(1, buckets(1, Dimension.ALL).get("").bounces(), "utk-a's visit no longer bounces");
  }

  @Test
  void aBatchThatRolledBackLeavesWhatIsHeldAsItWas() {
    RollupStore store = new RollupStore(db, visitsRead());
    RecentVisits recent = new RecentVisits(100);
    long start = 10 * HOUR;
    pageOf(store, recent, "utk-a", start, start);
    RollupBatch failed = new RollupBatch(store, new UserAgents(), recent, true);
    assertThrows(IllegalStateException.class, () -> db.inTransaction(() -> {
      failed.pageView(1, "utk-a", start, start + 10_000, "/lost", () -> DIRECT, null);
      failed.flush();
      throw new IllegalStateException("the batch failed after its rollups");
    }));

    pageOf(store, recent, "utk-a", start, start + 20_000);

    assertEquals(2, stored("utk-a", start).pageViews());
    assertEquals(2, buckets(1, Dimension.ALL).get("").pageViews());
  }
}
