package io.spoor.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrackingCookiesTest {

  static final String UTK = "75d0249612114fbb19382a1e0ef233ce";
  static final long T0 = 1728971805584L;
  static final long MINUTE = 60_000L;

  final TrackingCookies firstVisit = TrackingCookies.newVisitor(9267242, UTK, T0);

  @Test
  void newVisitorReproducesTheReferenceCookies() {
    assertEquals(VisitorCookieTest.REFERENCE, firstVisit.visitor().format());
    assertEquals("9267242.1." + T0, firstVisit.session().format());
  }

  @Test
  void pageViewWithinThirtyMinutesCountsInTheSameSession() {
    TrackingCookies next = firstVisit.pageView(T0, T0 + 30 * MINUTE - 1);
    assertEquals(firstVisit.visitor(), next.visitor());
    assertEquals("9267242.2." + T0, next.session().format());
  }

  @Test
  void pageViewExactlyThirtyMinutesAfterTheLastHitStartsANewSession() {
    long now = T0 + 30 * MINUTE;
    TrackingCookies next = firstVisit.pageView(T0, now);
    assertEquals("9267242." + UTK + "." + T0 + "." + T0 + "." + now + ".2", next.visitor().format());
    assertEquals("9267242.1." + now, next.session().format());
  }

  @Test
  void inactivityIsMeasuredFromTheLastHitNotFromTheSessionStart() {
    TrackingCookies second = firstVisit.pageView(T0 + 20 * MINUTE, T0 + 40 * MINUTE);
    assertEquals(2, second.session().pageViewsInSession());
    assertEquals(1, second.visitor().sessionNumber());
  }

  @Test
  void newSessionMovesCurrentToPreviousAndCountsTheSession() {
    VisitorCookie returning = new VisitorCookie(226818242, UTK, 100L, 200L, 300L, 4);
    TrackingCookies next = TrackingCookies.pageView(
        returning, Optional.of(new SessionCookie(226818242, 7, 300L)), 400L, 400L + 31 * MINUTE);
    assertEquals(new VisitorCookie(226818242, UTK, 100L, 300L, 400L + 31 * MINUTE, 5), next.visitor());
    assertEquals(new SessionCookie(226818242, 1, 400L + 31 * MINUTE), next.session());
  }

  @Test
  void missingSessionCookieStartsANewSessionEvenRightAway() {
    TrackingCookies next = TrackingCookies.pageView(firstVisit.visitor(), Optional.empty(), T0, T0 + 1);
    assertEquals(2, next.visitor().sessionNumber());
    assertEquals(T0 + 1, next.session().sessionStartTs());
  }

  @Test
  void clockGoingBackwardsKeepsTheSession() {
    assertEquals(2, firstVisit.pageView(T0, T0 - 5 * MINUTE).session().pageViewsInSession());
  }
}
