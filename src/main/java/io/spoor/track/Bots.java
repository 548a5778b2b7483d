package io.spoor.track;

import java.util.List;
import java.util.Locale;

/**
 * Well-known crawlers, monitors, scripts and headless browsers, by their user agent. Matched
 * without regard to case: a word ending in "bot", or one of the fragments below. Plain
 * substring searches: this runs on the event loop for every beacon.
 */
final class Bots {
  private static final String BOT = "bot";
  private static final List<String> FRAGMENTS = List.of("crawl", "spider", "slurp",
      "mediapartners", "facebookexternalhit", "embedly", "quora link preview", "bingpreview",
      "yandex", "baiduspider", "headlesschrome", "phantomjs", "electron", "puppeteer", "playwright",
      "selenium", "lighthouse", "pingdom", "uptimerobot", "statuscake", "gtmetrix", "curl/", "wget/",
      "python-requests", "python-urllib", "go-http-client", "java/", "okhttp", "apache-httpclient",
      "node-fetch", "axios/", "libwww", "httpie");

  private Bots() {
  }

  /** True for a missing user agent too: every real browser sends one. */
  static boolean isBot(String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return true;
    }
    String agent = userAgent.toLowerCase(Locale.ROOT);
    if (hasWordEndingInBot(agent)) {
      return true;
    }
    for (String fragment : FRAGMENTS) {
      if (agent.contains(fragment)) {
        return true;
      }
    }
    return false;
  }

  /** "bot" followed by the end or by a character that is not a letter, digit or underscore. */
  private static boolean hasWordEndingInBot(String agent) {
    for (int at = agent.indexOf(BOT); at >= 0; at = agent.indexOf(BOT, at + 1)) {
      int next = at + BOT.length();
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
