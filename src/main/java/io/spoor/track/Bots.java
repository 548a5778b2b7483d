package io.spoor.track;

import io.spoor.ListFile;
import java.util.List;
import java.util.Locale;

/**
 * Well-known crawlers, monitors, scripts and headless browsers, by their user agent, as listed
 * in {@code bots.txt} (read once, when this class loads). Matched without regard to case: a
 * word ending in one of the {@code *} suffixes, or one of the fragments. Plain substring
 * searches: this runs on the event loop for every beacon.
 */
final class Bots {
  private static final List<String> RULES = ListFile.read(Bots.class, "bots.txt");
  private static final List<String> WORD_ENDINGS = RULES.stream().filter(r -> r.startsWith("*"))
      .map(r -> r.substring(1).toLowerCase(Locale.ROOT)).toList();
  private static final String[] FRAGMENTS = RULES.stream().filter(r -> !r.startsWith("*"))
      .map(r -> r.toLowerCase(Locale.ROOT)).toArray(String[]::new);

  private Bots() {
  }

  /** True for a missing user agent too: every real browser sends one. */
  static boolean isBot(String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return true;
    }
    String agent = userAgent.toLowerCase(Locale.ROOT);
    for (String ending : WORD_ENDINGS) {
      if (hasWordEndingIn(agent, ending)) {
        return true;
      }
    }
    for (String fragment : FRAGMENTS) {
      if (agent.contains(fragment)) {
        return true;
      }
    }
    return false;
  }

  /** {@code ending} followed by the end or by a character that is not a letter, digit or underscore. */
  private static boolean hasWordEndingIn(String agent, String ending) {
    for (int at = agent.indexOf(ending); at >= 0; at = agent.indexOf(ending, at + 1)) {
      int next = at + ending.length();
      if (next == agent.length() || !isWordChar(agent.charAt(next))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isWordChar(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }
}
