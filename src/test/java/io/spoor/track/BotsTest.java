package io.spoor.track;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BotsTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
          + "Version/17.5 Mobile/15E148 Safari/604.1",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 "
          + "Safari/537.36 Edg/126.0",
      "Mozilla/5.0 (Linux; Android 14; Bottle-X1) Chrome/126.0 Mobile Safari/537.36",
      "Mozilla/5.0 (compatible; Botanist-Browser; botäny)",
      "Mozilla/5.0 (Linux; bot_helper) Firefox/128.0",
  })
  void browsersAreNotBots(String userAgent) {
    assertFalse(Bots.isBot(userAgent), userAgent);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
      "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
      "Mozilla/5.0 (compatible; YandexBot/3.0)",
      "SomeRobot",
      "AcmeBOT 1.0",
      "Mozilla/5.0 (compatible; Yahoo! Slurp)",
      "facebookexternalhit/1.1",
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0 Safari/537.36",
      "Mozilla/5.0 (Macintosh) Chrome/126.0 Electron/31.0 Safari/537.36",
      "Mozilla/5.0 (Linux) Chrome-Lighthouse",
      "curl/8.5.0",
      "Wget/1.21",
      "python-requests/2.32",
      "Go-http-client/1.1",
      "Java/17.0.11",
      "okhttp/4.12.0",
      "Apache-HttpClient/5.3",
      "node-fetch/1.0",
      "axios/1.7.2",
      "libwww-perl/6.72",
      "HTTPie/3.2.2",
      "Quora Link Preview/1.0",
      "Mozilla/5.0 (compatible; Baiduspider/2.0)",
      "Pingdom.com_bot_version_1.4",
      "Mozilla/5.0 (compatible; UptimeRobot/2.0)",
  })
  void crawlersMonitorsScriptsAndHeadlessBrowsersAreBots(String userAgent) {
    assertTrue(Bots.isBot(userAgent), userAgent);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t"})
  void aMissingOrBlankUserAgentIsABot(String userAgent) {
    assertTrue(Bots.isBot(userAgent));
  }
}
