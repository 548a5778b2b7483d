package io.spoor.identity;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The domain hash that starts every {@code __hstc} and {@code __hssc} value, and the rule
 * choosing which string is hashed.
 *
 * <p>The hashed input is the cookie domain the tracker writes its cookies on (always with
 * a leading dot), else {@code '.' + host} without its first label when the host has more
 * than two labels, else {@code '.' + host}. An IP address is hashed as it is. The browser
 * tracker ({@code io/spoor/track/tracker.js}) implements the same rule and must stay in
 * step with this class.
 */
public final class DomainHash {

  private static final Pattern IP_ADDRESS = Pattern.compile("[0-9.]+|.*:.*");

  private DomainHash() {
  }

  /** The hash of {@code input}, a non-negative int; 0 for the empty string. */
  public static int of(String input) {
    int e = 0;
    for (int i = input.length() - 1; i >= 0; i--) {
      int c = input.charAt(i);
      e = ((e << 6) & 268435455) + c + (c << 14);
      int n = e & 266338304;
      if (n != 0) {
        e = e ^ (n >> 21);
      }
    }
    return e;
  }

  /** The hash for a page on {@code host} whose cookies go to {@code cookieDomain}, if any. */
  public static int forHost(String host, Optional<String> cookieDomain) {
    return of(hashedInput(host, cookieDomain));
  }

  /**
   * The string hashed for {@code host} (a host name without port, any case) when cookies
   * are written on {@code cookieDomain} (with or without leading dot) or host-only.
   */
  public static String hashedInput(String host, Optional<String> cookieDomain) {
    if (cookieDomain.isPresent() && !bare(cookieDomain.get()).isEmpty()) {
      return "." + bare(cookieDomain.get());
    }
    String h = bare(host);
    if (IP_ADDRESS.matcher(h).matches()) {
      return h;
    }
    String[] labels = h.split("\\.", -1);
    if (labels.length > 2) {
      return h.substring(labels[0].length());
    }
    return "." + h;
  }

  /**
   * The shortest of {@code configured} cookie domains that is {@code host} or a parent of
   * it, returned without leading dot; empty means the cookies are host-only.
   */
  public static Optional<String> cookieDomain(String host, Collection<String> configured) {
    String h = bare(host);
    return configured.stream()
        .map(DomainHash::bare)
        .filter(d -> !d.isEmpty() && (h.equals(d) || h.endsWith("." + d)))
        .reduce((a, b) -> b.length() < a.length() ? b : a);
  }

  private static String bare(String domain) {
    String d = domain.trim().toLowerCase(Locale.ROOT);
    while (d.startsWith(".")) {
      d = d.substring(1);
    }
    return d;
  }
}
