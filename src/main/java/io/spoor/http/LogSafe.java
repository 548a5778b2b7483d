package io.spoor.http;

/** Untrusted text made safe for one log line: no control characters, bounded length. */
public final class LogSafe {
  private static final int MAX = 200;

  private LogSafe() {
  }

  public static String text(String untrusted) {
    if (untrusted == null) {
      return "";
    }
    String clean = untrusted.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > MAX ? clean.substring(0, MAX) + "…" : clean;
  }
}
