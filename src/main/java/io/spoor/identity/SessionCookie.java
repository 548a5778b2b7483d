package io.spoor.identity;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code __hssc} cookie: {@code domainHash.pageViewsInSession.sessionStartTs}. The
 * browser keeps it for 30 minutes after the last hit, which makes the inactivity timeout.
 */
public record SessionCookie(int domainHash, int pageViewsInSession, long sessionStartTs) {

  public static final String NAME = "__hssc";

  public SessionCookie {
    if (domainHash < 0) {
      throw new IllegalArgumentException("domainHash >= 0: " + domainHash);
    }
    if (pageViewsInSession < 1) {
      throw new IllegalArgumentException("pageViewsInSession >= 1: " + pageViewsInSession);
    }
    if (sessionStartTs < 0) {
      throw new IllegalArgumentException("sessionStartTs >= 0: " + sessionStartTs);
    }
  }

  /** The cookie read from {@code value}; empty when it is not exactly three canonical fields. */
  public static Optional<SessionCookie> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String[] f = value.split("\\.", -1);
    if (f.length != 3) {
      return Optional.empty();
    }
    Optional<Integer> hash = CookieNumbers.parseInt(f[0], 0);
    Optional<Integer> views = CookieNumbers.parseInt(f[1], 1);
    OptionalLong start = CookieNumbers.parse(f[2]);
    if (hash.isEmpty() || views.isEmpty() || start.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new SessionCookie(hash.get(), views.get(), start.getAsLong()));
  }

  /** The cookie value, byte-identical to what {@link #parse} read. */
  public String format() {
    return domainHash + "." + pageViewsInSession + "." + sessionStartTs;
  }

  /** The same session with one more page view. */
  SessionCookie withPageView() {
    return new SessionCookie(domainHash, pageViewsInSession + 1, sessionStartTs);
  }
}
