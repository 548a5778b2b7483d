package io.spoor.identity;

import java.time.Duration;
import java.util.Optional;

/**
 * A visitor's tracking-cookie state, {@code __hstc} and {@code __hssc} together, and the
 * session roll-over rule applied on each page view.
 *
 * <p>A session ends after {@link #SESSION_TIMEOUT} without a hit: the browser drops
 * {@code __hssc} when its 30-minute lifetime, renewed on every hit, runs out. A page view
 * exactly 30 minutes after the last hit therefore starts a new session. A clock that went
 * backwards (now before the last hit) keeps the session, as the cookie would still be
 * there. The browser also starts a new session when its session cookie {@code __hssrc} is
 * gone; callers that know that pass an empty session.
 */
public record TrackingCookies(VisitorCookie visitor, SessionCookie session) {

  public static final Duration SESSION_TIMEOUT = Duration.ofMinutes(30);

  public TrackingCookies {
    if (visitor == null || session == null) {
      throw new IllegalArgumentException("visitor and session are not null");
    }
  }

  /** The state after a brand-new visitor's first page view at {@code now}. */
  public static TrackingCookies newVisitor(int domainHash, String utk, long now) {
    return new TrackingCookies(
        new VisitorCookie(domainHash, utk, now, now, now, 1),
        new SessionCookie(domainHash, 1, now));
  }

  /**
   * The state after a returning visitor's page view at {@code now}, given the cookies
   * read and the time of the visitor's last hit. With no session cookie, or one older
   * than the timeout, a new session starts: previous = current, current = now, session
   * number + 1, one page view. Otherwise the page view is counted in the same session.
   */
  public static TrackingCookies pageView(
      VisitorCookie visitor, Optional<SessionCookie> session, long lastHitTs, long now) {
    if (session.isPresent() && sameSession(lastHitTs, now)) {
      return new TrackingCookies(visitor, session.get().withPageView());
    }
    return new TrackingCookies(visitor.nextSession(now),
        new SessionCookie(visitor.domainHash(), 1, now));
  }

  /** This state after a page view at {@code now}; the last hit was at {@code lastHitTs}. */
  public TrackingCookies pageView(long lastHitTs, long now) {
    return pageView(visitor, Optional.of(session), lastHitTs, now);
  }

  /** Whether a hit at {@code now} continues a session whose last hit was at {@code lastHitTs}. */
  public static boolean sameSession(long lastHitTs, long now) {
    return now - lastHitTs < SESSION_TIMEOUT.toMillis();
  }
}
