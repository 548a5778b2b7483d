package io.spoor.identity;

import io.spoor.http.PercentDecoding;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The parts of a page or referrer URL that traffic classification reads, parsed leniently:
 * any string, however broken, gives a value. A URL with no recognisable host has host
 * {@code ""}; a broken percent escape is kept as written.
 *
 * @param host  lower-case host name without port, userinfo or trailing dot; may be empty
 * @param query query parameters by lower-case name, decoded; the first of repeated names wins
 */
record Url(String host, Map<String, String> query) {

  private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*");
  private static final Pattern HOST = Pattern.compile("[a-z0-9_.-]+|\\[[0-9a-f:.]+\\]");

  Url {
    query = Map.copyOf(query);
  }

  static Url parse(String raw) {
    String s = raw == null ? "" : raw.trim();
    int fragment = s.indexOf('#');
    if (fragment >= 0) {
      s = s.substring(0, fragment);
    }
    int q = s.indexOf('?');
    String query = q >= 0 ? s.substring(q + 1) : "";
    String rest = q >= 0 ? s.substring(0, q) : s;
    return new Url(host(rest), params(query));
  }

  /** The query parameter {@code name} (lower case) when present and not blank. */
  String param(String name) {
    String v = query.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static String host(String beforeQuery) {
    int sep = beforeQuery.indexOf("//");
    if (sep < 0 || (sep > 0 && !(beforeQuery.startsWith("://", sep - 1)
        && SCHEME.matcher(beforeQuery.substring(0, sep - 1)).matches()))) {
      return "";
    }
    String authority = beforeQuery.substring(sep + 2);
    int slash = authority.indexOf('/');
    authority = slash >= 0 ? authority.substring(0, slash) : authority;
    authority = authority.substring(authority.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    int port = authority.startsWith("[") ? authority.indexOf(']') + 1 : authority.indexOf(':');
    String host = port > 0 ? authority.substring(0, port) : authority;
    host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    return HOST.matcher(host).matches() ? host : "";
  }

  private static Map<String, String> params(String query) {
    Map<String, String> out = new HashMap<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = PercentDecoding.lenient(eq >= 0 ? pair.substring(0, eq) : pair).toLowerCase(Locale.ROOT);
      if (!name.isEmpty()) {
        out.putIfAbsent(name, eq >= 0 ? PercentDecoding.lenient(pair.substring(eq + 1)) : "");
      }
    }
    return out;
  }

}
