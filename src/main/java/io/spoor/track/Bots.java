package io.spoor.track;

import java.util.regex.Pattern;

/** Well-known crawlers, monitors, scripts and headless browsers, by their user agent. */
final class Bots {
  private static final Pattern BOT = Pattern.compile("(?i)bot\\b|bot/|crawl|spider|slurp|"
      + "mediapartners|facebookexternalhit|embedly|quora link preview|bingpreview|yandex|baiduspider|"
      + "headlesschrome|phantomjs|electron|puppeteer|playwright|selenium|lighthouse|pingdom|"
      + "uptimerobot|statuscake|gtmetrix|curl/|wget/|python-requests|python-urllib|go-http-client|"
      + "java/|okhttp|apache-httpclient|node-fetch|axios/|libwww|httpie");

  private Bots() {
  }

  /** True for a missing user agent too: every real browser sends one. */
  static boolean isBot(String userAgent) {
    return userAgent == null || userAgent.isBlank() || BOT.matcher(userAgent).find();
  }
}
