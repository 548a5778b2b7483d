package io.spoor.crm;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Domains as company keys: lowercased host names without scheme, port, path or a leading
 * {@code www.}, so {@code https://www.Example.com/about} and {@code example.com} name one company.
 */
public final class Domains {
  private static final Pattern SCHEME = Pattern.compile("^(?:[a-z][a-z0-9+.-]*:)?//");
  private static final Pattern HOST = Pattern.compile(
      "(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

  private Domains() {
  }

  /** The canonical form of a domain or URL, or empty when it names no host. */
  public static Optional<String> normalize(String raw) {
    String host = SCHEME.matcher(raw.trim().toLowerCase(Locale.ROOT)).replaceFirst("");
    host = cut(cut(cut(host, '/'), '?'), '#');
    host = cut(host.substring(host.lastIndexOf('@') + 1), ':');
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.startsWith("www.") && host.indexOf('.', 4) > 0) {
      host = host.substring(4);
    }
    try {
      host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return host.length() <= 253 && HOST.matcher(host).matches() ? Optional.of(host) : Optional.empty();
  }

  private static String cut(String value, char at) {
    int index = value.indexOf(at);
    return index < 0 ? value : value.substring(0, index);
  }
}
