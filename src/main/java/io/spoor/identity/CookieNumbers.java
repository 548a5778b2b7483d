package io.spoor.identity;

import java.util.Optional;
import java.util.OptionalLong;

/** Strict parsing of the dot-separated numbers in tracking cookies. */
final class CookieNumbers {

  private static final int MAX_DIGITS = 18;

  private CookieNumbers() {
  }

  /**
   * The value of {@code s} when it is a canonical non-negative decimal: digits only, no
   * sign, no leading zero, so that formatting it again gives back the same bytes.
   */
  static OptionalLong parse(String s) {
    if (s.isEmpty() || s.length() > MAX_DIGITS || (s.length() > 1 && s.charAt(0) == '0')) {
      return OptionalLong.empty();
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return OptionalLong.empty();
      }
    }
    return OptionalLong.of(Long.parseLong(s));
  }

  /** Like {@link #parse} but only for values that fit an int and are at least {@code min}. */
  static Optional<Integer> parseInt(String s, int min) {
    OptionalLong v = parse(s);
    if (v.isEmpty() || v.getAsLong() < min || v.getAsLong() > Integer.MAX_VALUE) {
      return Optional.empty();
    }
    return Optional.of((int) v.getAsLong());
  }
}
