package io.spoor.reliability;

import io.spoor.crm.Emails;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Bad values, drawn from a seeded {@link Random}: script and SQL payloads, absurd numbers,
 * control characters, odd Unicode, broken escapes. No value is a usable email address, a
 * small object id or a valid property name, so a request built from them can never create or
 * change anything; and none contains a word the leak check looks for, so an answer that
 * echoes one is not taken for a leak.
 */
final class Junk {
  /** Stands for a byte that is never valid UTF-8; bodies turn it into 0xFF. */
  static final char INVALID_UTF8 = '\uE000';

  static final List<String> STRINGS = List.of(
      "", " ", "\t", "null", "undefined", "true", "[]", "{}", "\"", "'", "\\", "\\u0000",
      "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(document.cookie)",
      "<svg/onload=alert(1)>", "{{7*7}}", "${7*7}", "${jndi:ldap://127.0.0.1:1/a}", "%s%s%s%n%x",
      "' OR '1'='1", "' OR 1=1 --", "1; DROP TABLE crm_object; --", "\" OR \"\"=\"",
      "1 UNION SELECT token_hash FROM access_token --", "'); PRAGMA writable_schema=1; --", "admin'--",
      "../../../../etc/passwd", "..\\..\\windows\\win.ini", "/dev/zero", "file:///etc/shadow",
      "\u0000", "\u0001\u0002\u0003", "\r\nSet-Cookie: injected=1", "line\nbreak", "\u001b[31mred",
      "\u007f", "\u0085", "\u2028\u2029", "\u202egnp.exe", "\u200b\u200c\u200d\ufeff", "\ufffd", "\uffff",
      "Ünïcödé", "日本語テキスト", "😀🎉", "\ud83d", "𝕏𝕐ℤ", "ʼn", "İ", "\u212a",
      "a".repeat(256), "x".repeat(4000), "%", "%%", "%zz", "%C3%28", "+", "&", "=", "?", "#", ";",
      "not-an-email", "a@b", "@example.com", "a..b@example.com", "a b@example.com", "<x>@example.com",
      "Robert'); DROP TABLE contacts;--@example", "\uE000\uE000", "caf\uE000");

  static final List<String> NUMBERS = List.of(
      "1e400", "-1e400", "1e-400", "-0", "-0.0", "NaN", "-NaN", "Infinity", "-Infinity", "0x10", "0",
      "-1", "1.5", "99999999999999999999", "-99999999999999999999", "9223372036854775808",
      "-9223372036854775809", "999999999999999999", "1" + "0".repeat(400), "0.000000000000000000001",
      "1e", "--1", "+-0", "1_000", "１２３", "٣");

  /** Not one of them is a valid address by the server's rule (checked when the class loads). */
  static final List<String> BAD_EMAILS = List.of(
      "not-an-email", "a@b", "@example.com", "a b@example.com", "a..b@example.com", "x@example..com",
      "<script>@example.com", "a'--@example.com;DROP", "x@", "x@.com", ".x@example.com", "x.@example.com",
      "x@example.c", "x@-example.com", "ü@example.com", "x@exam_ple.com", "x@exa\u0000mple.com",
      "x\u0000@example.com", "\u212aelvin@example.com", "a".repeat(65) + "@example.com", "\uE000@example.com",
      "x@" + "a".repeat(250) + ".com", "x@@example.com", "x@example.com,y@example.com",
      "\"quoted\"@example.com", "x@[127.0.0.1]");

  /** Ids no object has: not small whole numbers. */
  static final List<String> IDS = List.of(
      "99999999999999999999", "999999999999999999", "-0", "-1", "0", "1e400", "NaN", "0x10", "1.5", "%20",
      "%00", "%zz", "%", "%C3%28", "%FF", "%2F", "%2e%2e", "..", "%252e", "<script>", "'%20OR%201=1",
      "\u00ff\u00fe", "a".repeat(1000), "%0A", "%20%20", "null", "undefined", "-9223372036854775809",
      "%E2%80%AE", "%F0%9F%98%80");

  /** Raw query-string pieces: broken escapes, encoded invalid UTF-8 and control characters. */
  static final List<String> RAW_ESCAPES = List.of(
      "%", "%z", "%zz", "%4", "%%", "%G1", "%C3%28", "%ED%A0%80", "%FF%FE", "%C0%AF", "%F4%90%80%80",
      "%E2%82", "%00", "%0A", "%0D%0A", "%1B", "%7F", "%C2%85", "%EF%BF%BF", "%u0041", "%25", "%2",
      "\u00ff", "\u00c3\u0028", "\u0080\u0081", "\u00e9");

  static final List<String> CONTENT_TYPES = List.of(
      "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
      "application/xml", "*/*", ";;;", "application/json; charset=utf-16", "application/json; charset=latin1",
      "application/jsonx", "image/gif", "application/octet-stream", "json", "");

  static {
    for (List<String> pool : List.of(STRINGS, NUMBERS, BAD_EMAILS, IDS, RAW_ESCAPES)) {
      for (String value : pool) {
        if (Emails.normalize(value).isPresent()) {
          throw new IllegalStateException("a junk value is a valid email address: " + value);
        }
        String lower = value.toLowerCase(Locale.ROOT);
        for (String marker : LeakCheck.MARKERS) {
          if (lower.contains(marker.toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException("a junk value contains the leak marker " + marker + ": " + value);
          }
        }
      }
    }
  }

  private final Random random;

  Junk(Random random) {
    this.random = random;
  }

  Random random() {
    return random;
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  int between(int min, int max) {
    return min + random.nextInt(max - min + 1);
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** A bad text value. */
  String string() {
    return chance(0.2) ? pick(NUMBERS) : pick(STRINGS);
  }

  String badEmail() {
    return pick(BAD_EMAILS);
  }

  /**
   * A bad email as a query-string value: spliced escapes can make a bad address good once a
   * tracking pixel decodes them leniently ({@code %} + {@code .x@example.com}), so such draws
   * are drawn again.
   */
  String badEmailQueryPart() {
    while (true) {
      String value = queryPart(badEmail());
      if (Emails.normalize(io.spoor.http.PercentDecoding.lenient(value)).isEmpty()) {
        return value;
      }
    }
  }

  /** A name that no property, event or definition can have: always a character outside [a-z0-9_]. */
  String badName() {
    String s = string();
    return s.matches("[a-z0-9_]+") ? s + "!" : s.isEmpty() ? "-" : s;
  }

  /**
   * A query-string value or name as it goes on the request line: properly encoded, raw, or
   * with broken escapes, encoded invalid UTF-8 or raw bytes above 0x7F spliced in.
   */
  String queryPart(String decoded) {
    int mode = random.nextInt(4);
    if (mode == 0) {
      return encode(decoded);
    }
    if (mode == 1) {
      return encode(decoded) + pick(RAW_ESCAPES);
    }
    if (mode == 2) {
      String encoded = encode(decoded);
      int at = random.nextInt(encoded.length() + 1);
      return encoded.substring(0, at) + pick(RAW_ESCAPES) + encoded.substring(at);
    }
    // as raw as a request line can carry without breaking the framing
    StringBuilder raw = new StringBuilder();
    for (char c : decoded.toCharArray()) {
      raw.append(c == INVALID_UTF8 ? "\u00ff" : c > 0x20 && c < 0x7f && c != '&' && c != '#' && c != '%'
          ? String.valueOf(c) : encode(String.valueOf(c)));
    }
    return raw.toString();
  }

  /** A path segment: bad ids, payloads, encoded slashes and dots, raw high bytes. */
  String pathSegment() {
    return chance(0.6) ? pick(IDS) : queryPart(string()).replace("+", "%20");
  }

  /** Percent-encoded UTF-8, with {@link #INVALID_UTF8} as the byte 0xFF. */
  static String encode(String s) {
    StringBuilder out = new StringBuilder();
    int from = 0;
    for (int at = s.indexOf(INVALID_UTF8); at >= 0; at = s.indexOf(INVALID_UTF8, from)) {
      out.append(URLEncoder.encode(s.substring(from, at), StandardCharsets.UTF_8)).append("%FF");
      from = at + 1;
    }
    return out.append(URLEncoder.encode(s.substring(from), StandardCharsets.UTF_8)).toString();
  }
}
