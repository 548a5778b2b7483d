package io.spoor.ingest;

import io.spoor.http.PercentDecoding;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Takes credentials out of raw parameters before they are kept: the value of every parameter
 * whose name, percent-decoded and in any case, is a credential's ({@code hapikey},
 * {@code access_token}), also inside a value that is itself a query (the beacon's identify
 * payload {@code i=}, encoded once or more), and the same names as JSON keys. What still names a
 * credential after that, in any encoding, is replaced whole.
 */
final class CredentialRedaction {
  static final String REDACTED = "[redacted]";
  private static final List<String> NAMES = List.of("hapikey", "access_token");
  private static final int MAX_DEPTH = 4;
  private static final Pattern JSON_KEY = Pattern.compile(
      "(\"(?:" + String.join("|", NAMES) + ")\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\]]*)", Pattern.CASE_INSENSITIVE);
  /** A credential's name as a parameter or key with a value not yet redacted. */
  private static final Pattern NAMED = Pattern.compile("(?<![A-Za-z0-9_])(" + String.join("|", NAMES)
      + ")[\"']?\\s*[=:]\\s*+\"?+(?!\\[redacted\\])", Pattern.CASE_INSENSITIVE);

  private CredentialRedaction() {
  }

  static String redact(String raw) {
    if (!mentions(raw)) {
      return raw;
    }
    String clean = JSON_KEY.matcher(query(raw, 0)).replaceAll("$1\"" + REDACTED + "\"");
    return mentions(clean) ? REDACTED : clean;
  }

  /** Whether a credential's name is followed by {@code =} or {@code :} in the text or any decoding of it. */
  private static boolean mentions(String text) {
    String decoded = text;
    for (int depth = 0; depth <= MAX_DEPTH; depth++) {
      if (NAMED.matcher(decoded).find()) {
        return true;
      }
      String next = PercentDecoding.lenient(decoded);
      if (next.equals(decoded)) {
        return false;
      }
      decoded = next;
    }
    return true;
  }

  /** The query with credentials' values redacted, each value that is itself a query redacted in turn. */
  private static String query(String raw, int depth) {
    String[] pairs = raw.split("&", -1);
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < pairs.length; i++) {
      if (i > 0) {
        out.append('&');
      }
      String pair = pairs[i];
      int equals = pair.indexOf('=');
      if (equals < 0) {
        out.append(pair);
        continue;
      }
      String name = pair.substring(0, equals);
      String value = pair.substring(equals + 1);
      if (NAMES.contains(decodeFully(name).trim().toLowerCase(Locale.ROOT))) {
        out.append(name).append('=').append(REDACTED);
      } else if (depth < MAX_DEPTH && mentions(value)) {
        // a value that is a query itself (i=email%3D…%26hapikey%3D…): redacted inside, encoded as it came
        String decoded = PercentDecoding.lenient(value);
        String inner = query(decoded, depth + 1);
        out.append(name).append('=').append(inner.equals(decoded) ? value
            : decoded.equals(value) ? inner : URLEncoder.encode(inner, StandardCharsets.UTF_8));
      } else {
        out.append(pair);
      }
    }
    return out.toString();
  }

  /** The text decoded until decoding changes nothing (at most a few times). */
  private static String decodeFully(String text) {
    String decoded = text;
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
      String next = PercentDecoding.lenient(decoded);
      if (next.equals(decoded)) {
        break;
      }
      decoded = next;
    }
    return decoded;
  }

}
