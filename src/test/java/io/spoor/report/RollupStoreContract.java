package io.spoor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.testkit.StoreContract;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the {@link RollupStore} does: visits are found by their key and saved over, hourly
 * buckets add up, and one portal never sees another's. An implementation's test makes the store
 * and, with {@link #alongside}, the report reads over the same data.
 */
abstract class RollupStoreContract extends StoreContract<RollupStore> {
  private ReportReads reads;

  protected final void alongside(ReportReads reads) {
    this.reads = reads;
  }

  private static SessionRow visit(long portal, String utk, long startedAt, long pageViews) {
    return new SessionRow(portal, utk, startedAt, startedAt + 1_000, "/in", "/out", pageViews, "DIRECT_TRAFFIC", "",
        "", "desktop", "Firefox", "Linux", 0);
  }

  private Map<String, Counts> buckets(long portal, Dimension dim) {
    return read(s -> ReportReads.byValue(reads.buckets(portal, dim, 0, 1_000, 0)));
  }

  @Test
  void savedVisitsAreFoundByTheirKeyAndSavingAgainReplacesThem() {
    SessionRow first = visit(1, "utk-a", 100, 1);
    SessionRow other = visit(1, "utk-a", 5_000, 1);
    run(s -> s.saveSessions(List.of(first, other, visit(2, "utk-a", 100, 1))));
    SessionRow later = first.withPage(2_000, "/later").withNewContact();

    run(s -> s.saveSessions(List.of(later)));

    assertEquals(Map.of(later.key(), later, other.key(), other),
        read(s -> s.sessions(Set.of(first.key(), other.key(), new SessionRow.Key(1, "utk-b", 100)))));
    assertEquals(Map.of(), read(s -> s.sessions(Set.of())));
  }

  @Test
  void aPortalNeverSeesAnotherPortalsVisits() {
    SessionRow theirs = visit(2, "utk-a", 100, 1);
    run(s -> s.saveSessions(List.of(theirs)));

    assertEquals(Map.of(), read(s -> s.sessions(Set.of(new SessionRow.Key(1, "utk-a", 100)))));
    assertEquals(Map.of(theirs.key(), theirs), read(s -> s.sessions(Set.of(theirs.key()))));
  }

  @Test
  void bucketAdditionsAddUpPerPortalDimensionValueAndHour() {
    Buckets one = new Buckets();
    one.add(1, Dimension.PAGE, "/a", 10, Buckets.PAGE_VIEWS, 2);
    one.add(1, Dimension.PAGE, "/b", 10, Buckets.PAGE_VIEWS, 1);
    one.add(2, Dimension.PAGE, "/a", 10, Buckets.PAGE_VIEWS, 7);
    one.add(1, Dimension.EVENT, "5", 10, Buckets.COMPLETIONS, 1);
    one.add(1, Dimension.EVENT, "5", 10, Buckets.REVENUE, 2_500_000);
    Buckets two = new Buckets();
    two.add(1, Dimension.PAGE, "/a", 10, Buckets.PAGE_VIEWS, 3);
    two.add(1, Dimension.PAGE, "/a", 11, Buckets.PAGE_VIEWS, 1);
    two.add(1, Dimension.EVENT, "5", 10, Buckets.COMPLETIONS, 1);

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
    added.session(visit, 1);
    Buckets takenBack = new Buckets();
    takenBack.session(visit, -1);

    run(s -> s.addBuckets(added));
    assertEquals(1, buckets(1, Dimension.BROWSER).get("Firefox").sessions());
    run(s -> s.addBuckets(takenBack));

    Counts browser = buckets(1, Dimension.BROWSER).get("Firefox");
    assertEquals(0, browser.sessions());
    assertEquals(0, browser.bounces());
    assertEquals(0, browser.durationMs());
  }
}
