package io.spoor.identity;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code __hstc} cookie: {@code domainHash.utk.initialTs.previousTs.currentTs.sessionNumber},
 * timestamps in epoch milliseconds. {@code currentTs} is the start of the current session
 * and {@code previousTs} the start of the one before.
 *
 * <p>The visitor token is kept exactly as read (32 hex digits; the tracker writes lower
 * case), so {@link #format()} gives back the parsed bytes.
 */
public record VisitorCookie(
    int domainHash, String utk, long initialTs, long previousTs, long currentTs,
    int sessionNumber) {

  public static final String NAME = "__hstc";
  private static final int UTK_LENGTH = 32;

  public VisitorCookie {
    if (domainHash < 0) {
      throw new IllegalArgumentException("domainHash >= 0: " + domainHash);
    }
    if (!isUtk(utk)) {
      throw new IllegalArgumentException("utk is 32 hex digits: " + utk);
    }
    if (initialTs < 0 || previousTs < 0 || currentTs < 0) {
      throw new IllegalArgumentException("timestamps >= 0");
    }
    if (sessionNumber < 1) {
      throw new IllegalArgumentException("sessionNumber >= 1: " + sessionNumber);
    }
  }

  /** Whether {@code utk} is a well-formed visitor token: 32 hex digits, either case. */
  public static boolean isUtk(String utk) {
    if (utk == null || utk.length() != UTK_LENGTH) {
      return false;
    }
    for (int i = 0; i < UTK_LENGTH; i++) {
      char c = utk.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
        return false;
      }
    }
    return true;
  }

  /** The cookie read from {@code value}; empty when it is not exactly six canonical fields. */
  public static Optional<VisitorCookie> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String[] f = value.split("\\.", -1);
    if (f.length != 6 || !isUtk(f[1])) {
      return Optional.empty();
    }
    Optional<Integer> hash = CookieNumbers.parseInt(f[0], 0);
    OptionalLong initial = CookieNumbers.parse(f[2]);
    OptionalLong previous = CookieNumbers.parse(f[3]);
    OptionalLong current = CookieNumbers.parse(f[4]);
    Optional<Integer> session = CookieNumbers.parseInt(f[5], 1);
    if (hash.isEmpty() || initial.isEmpty() || previous.isEmpty() || current.isEmpty()
        || session.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new VisitorCookie(hash.get(), f[1], initial.getAsLong(),
        previous.getAsLong(), current.getAsLong(), session.get()));
  }

  /** The cookie value, byte-identical to what {@link #parse} read. */
  public String format() {
    return domainHash + "." + utk + "." + initialTs + "." + previousTs + "." + currentTs
        + "." + sessionNumber;
  }

  /** This visitor in a new session starting at {@code now}. */
  VisitorCookie nextSession(long now) {
    return new VisitorCookie(domainHash, utk, initialTs, currentTs, now, sessionNumber + 1);
  }
}
