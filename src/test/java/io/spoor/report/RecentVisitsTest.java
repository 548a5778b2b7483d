package io.spoor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What the applier holds of the visits it wrote, and when it may trust it. */
class RecentVisitsTest {
  private static SessionRow visit(long portal, String utk, long startedAt, long pageViews) {
    return new SessionRow(portal, utk, startedAt, startedAt, "/", "/", pageViews, "DIRECT_TRAFFIC", "", "", "desktop",
        "Firefox", "Linux", 0);
  }

  @Test
  void nothingIsTrustedBeforeABatchOfThisProcessCommitted() {
    RecentVisits recent = new RecentVisits(10);
    assertFalse(recent.trusts(1, 1));
    assertEquals(Long.MAX_VALUE, recent.floor(1), "every visit is to be read");
  }

  @Test
  void onlyTheVersionRightAfterTheOneThisProcessLeftIsTrusted() {
    RecentVisits recent = new RecentVisits(10);
    SessionRow a = visit(1, "a", 100, 1);
    recent.committed(1, 5, OptionalLong.of(50), List.of(a));

    assertTrue(recent.trusts(1, 6));
    assertFalse(recent.trusts(1, 7), "another process wrote the portal's visits in between");
    assertFalse(recent.trusts(2, 6), "another portal");
    assertEquals(a, recent.get(a.key()));
    assertEquals(50, recent.floor(1));
  }

  @Test
  void aBatchWhoseCommitIsToldAfterALaterOnesChangesNothing() {
    RecentVisits recent = new RecentVisits(10);
    SessionRow later = visit(1, "a", 100, 2);
    recent.committed(1, 5, OptionalLong.of(50), List.of(later));

    recent.committed(1, 4, OptionalLong.empty(), List.of(visit(1, "a", 100, 1)));

    assertEquals(later, recent.get(later.key()));
    assertTrue(recent.trusts(1, 6));
  }

  @Test
  void pastItsCapacityTheFirstSavedGoAndRaiseTheirPortalsFloor() {
    RecentVisits recent = new RecentVisits(2);
    SessionRow first = visit(1, "a", 100, 1);
    SessionRow second = visit(1, "b", 200, 1);
    SessionRow third = visit(1, "c", 300, 1);
    recent.committed(1, 1, OptionalLong.of(50), List.of(first, second));
    recent.committed(1, 2, OptionalLong.empty(), List.of(second.withPage(250, "/next"), third));

    assertEquals(2, recent.size());
    assertNull(recent.get(first.key()));
    assertEquals(2, recent.get(second.key()).pageViews(), "saved again, it keeps its place");
    assertEquals(100, recent.floor(1), "a visit started at 100 or before may be stored without being held");
  }

  @Test
  void aDroppedVisitThatStartedLateRaisesTheFloorPastTheVisitsStillHeld() {
    RecentVisits recent = new RecentVisits(2);
    SessionRow late = visit(1, "a", 900, 1); // a visitor whose clock runs ahead
    SessionRow second = visit(1, "b", 200, 1);
    SessionRow third = visit(1, "c", 300, 1);
    recent.committed(1, 1, OptionalLong.of(50), List.of(late, second, third));

    assertEquals(900, recent.floor(1));
    assertEquals(second, recent.get(second.key()), "held visits are known whatever the floor");
    assertEquals(third, recent.get(third.key()));
  }

  @Test
  void aBatchThatCouldNotTrustWhatWasHeldStartsItAfresh() {
    RecentVisits recent = new RecentVisits(10);
    SessionRow old = visit(1, "a", 100, 1);
    recent.committed(1, 1, OptionalLong.of(50), List.of(old));
    SessionRow other = visit(1, "b", 400, 1);

    recent.committed(1, 3, OptionalLong.of(300), List.of(other));

    assertNull(recent.get(old.key()), "another process may have changed it");
    assertEquals(other, recent.get(other.key()));
    assertEquals(300, recent.floor(1));
    assertEquals(1, recent.size());
  }

  @Test
  void noCapacityHoldsAndTrustsNothing() {
    RecentVisits recent = new RecentVisits(0);
    SessionRow a = visit(1, "a", 100, 1);
    recent.committed(1, 1, OptionalLong.of(50), List.of(a));

    assertFalse(recent.trusts(1, 2));
    assertNull(recent.get(a.key()));
  }
}
