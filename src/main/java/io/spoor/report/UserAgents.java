package io.spoor.report;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Locale;
import ua_parser.Client;
import ua_parser.Parser;

/**
 * Device class, browser and operating system of a user agent, read with ua-parser's maintained
 * regular expressions (uap-java); results are cached, since a site's visitors share few agents.
 * The expressions are read and compiled at the first user agent, not when the server starts.
 */
final class UserAgents {
  static final String UNKNOWN = "Unknown";
  private final Cache<String, Agent> cache = Caffeine.newBuilder().maximumSize(10_000).build();

  record Agent(String device, String browser, String os) {
  }

  private static final class Expressions {
    static final Parser PARSER = new Parser();
  }

  Agent parse(String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return new Agent(UNKNOWN, UNKNOWN, UNKNOWN);
    }
    return cache.get(userAgent, this::read);
  }

  private Agent read(String userAgent) {
    Client client = Expressions.PARSER.parse(userAgent);
    String browser = known(client.userAgent.family);
    String os = known(client.os.family);
    return new Agent(deviceClass(client, userAgent), browser, os);
  }

  /** ua-parser names the device model; the class follows from it and the operating system. */
  private static String deviceClass(Client client, String userAgent) {
    String device = client.device.family == null ? "" : client.device.family.toLowerCase(Locale.ROOT);
    String os = client.os.family == null ? "" : client.os.family;
    if (device.contains("ipad") || device.contains("tablet") || device.contains("kindle")
        || (os.equals("Android") && !userAgent.contains("Mobile"))) {
      return "tablet";
    }
    if (os.equals("iOS") || os.equals("Android") || device.contains("iphone") || device.contains("phone")
        || userAgent.contains("Mobile")) {
      return "mobile";
    }
    return "desktop";
  }

  private static String known(String family) {
    return family == null || family.equals("Other") ? UNKNOWN : family;
  }
}
