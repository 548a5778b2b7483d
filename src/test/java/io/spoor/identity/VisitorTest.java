package io.spoor.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How page views count into a visitor's visits, with and without a session cookie. */
class VisitorTest {
  private static final long T0 = 1_783_669_943_308L;
  private static final long MINUTE = 60_000;
  private static final Source DIRECT = new Source(SourceType.DIRECT_TRAFFIC, null, null);

  private static PageView withCookie(long at, long sessionStart) {
    return page(at, sessionStart, false);
  }

  private static PageView withoutCookie(long at) {
    return page(at, at, true);
  }

  private static PageView page(long at, long sessionStart, boolean assumed) {
    return new PageView(1, "75d0249612114fbb19382a1e0ef233ce", Optional.empty(), "h" + at, at, sessionStart,
        "https://site.example/", "/", "", "", "", "", "", assumed, at);
  }

  private static Visitor after(PageView first, PageView... more) {
    Visitor v = Visitor.first(first, DIRECT).viewed(first);
    for (PageView p : more) {
      v = v.viewed(p);
    }
    return v;
  }

  @Test
  void aSessionThatBeganWithoutACookieTakesTheCookiesStartAndStaysOneVisit() {
    Visitor v = after(withoutCookie(T0), withCookie(T0 + MINUTE, T0 - 5_000), withCookie(T0 + 2 * MINUTE, T0 - 5_000));
    assertEquals(1, v.numVisits());
    assertEquals(T0 - 5_000, v.lastSessionStart());
    assertFalse(v.sessionAssumed());
  }

  @Test
  void aCookieArrivingAfterTheTimeoutStartsANewVisit() {
    assertEquals(2, after(withoutCookie(T0), withCookie(T0 + 30 * MINUTE, T0 + 30 * MINUTE)).numVisits());
  }

  @Test
  void aCookieWhoseStartIsFarFromTheAssumedOneStartsANewVisit() {
    assertEquals(2, after(withoutCookie(T0), withCookie(T0 + MINUTE, T0 - 31 * MINUTE)).numVisits());
  }

  @Test
  void hitsWithoutACookieContinueTheSessionWithinTheTimeoutAndNotAfter() {
    Visitor v = after(withoutCookie(T0), withoutCookie(T0 + 29 * MINUTE));
    assertEquals(1, v.numVisits());
    assertTrue(v.sessionAssumed());
    assertEquals(T0, v.lastSessionStart());
    assertEquals(2, after(withoutCookie(T0), withoutCookie(T0 + 30 * MINUTE)).numVisits());
  }

  @Test
  void aHitWithoutACookieContinuesASessionACookieStarted() {
    Visitor v = after(withCookie(T0, T0 - 1_000), withoutCookie(T0 + MINUTE));
    assertEquals(1, v.numVisits());
    assertEquals(T0 - 1_000, v.lastSessionStart());
    assertFalse(v.sessionAssumed());
  }

  @Test
  void aSessionACookieStartedIsNotMovedByAnotherCookiesStart() {
    assertEquals(2, after(withCookie(T0, T0), withCookie(T0 + MINUTE, T0 + MINUTE)).numVisits());
  }
}
