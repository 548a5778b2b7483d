package io.spoor.http;

/** Untrusted text made safe for one line of a log or a rejection's detail: no control characters, bounded length. */
public final class LogSafe {
  private static final int MAX = 200;

  private LogSafe() {
  }

  public static String text(String untrusted) {
    return text(untrusted, MAX);
  }

  /** The text with each control character as {@code ?}, cut at {@code max} characters with an ellipsis. */
  public static String text(String untrusted, int max) {
    if (untrusted == null) {
      return "";
    }
    String clean = untrusted.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > max ? clean.substring(0, max) + "…" : clean;
  }
}
