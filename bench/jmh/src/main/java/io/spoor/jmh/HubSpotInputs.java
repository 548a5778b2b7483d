package io.spoor.jmh;

import io.spoor.identity.DomainHash;
import java.util.Random;

/**
 * Realistic inputs, shaped as HubSpot's tracking code and Events HTTP API clients send them
 * (the same shape as {@code bench/wrk/beacon.lua}): query strings of about 400 bytes, cookies
 * of real length, a spread of pages and visitors. Every benchmark cycles through
 * {@link #COUNT} different inputs, so no single string stays hot in a way real traffic would
 * not allow. Deterministic: the same seed gives the same inputs in every run.
 */
public final class HubSpotInputs {
  /** How many distinct inputs each benchmark cycles through; a power of two. */
  public static final int COUNT = 64;
  /** A fixed "now", epoch ms. */
  public static final long NOW = 1_782_000_000_000L;
  public static final String HOST = "www.example.com";
  /** The hash every cookie of the example site starts with. */
  public static final int DOMAIN_HASH = DomainHash.of(".example.com");

  private static final String[][] PAGES = {
    {"https%3A%2F%2Fwww.example.com%2F", "Example%20%E2%80%93%20Home"},
    {"https%3A%2F%2Fwww.example.com%2Fpricing%3Fplan%3Dteam%26utm_source%3Dnewsletter",
      "Pricing%20%7C%20Example"},
    {"https%3A%2F%2Fwww.example.com%2Fblog%2F2024%2Fhow-we-ship-weekly-without-breaking-things",
      "How%20we%20ship%20weekly%20without%20breaking%20things%20%7C%20Example%20Blog"},
    {"https%3A%2F%2Fwww.example.com%2Fdocs%2Fgetting-started%23install", "Getting%20started"},
    {"https%3A%2F%2Fwww.example.com%2Fcustomers%2Facme-corporation%3Futm_source%3Dgoogle%26utm_medium"
      + "%3Dcpc%26utm_campaign%3Dspring-launch", "Acme%20Corporation%20case%20study%20%7C%20Example"},
  };

  private static final String[] FIRST_NAMES = {"Ana%20Mar%C3%ADa", "J%C3%BCrgen", "Siobh%C3%A1n", "Wei",
    "Olusegun", "Fran%C3%A7oise", "Mar%C3%ADa%20Jos%C3%A9", "Bj%C3%B6rn"};
  private static final String[] LAST_NAMES = {"Garc%C3%ADa%20L%C3%B3pez", "M%C3%BCller",
    "O%E2%80%99Sullivan", "Zhang", "Adeyemi", "Lef%C3%A8vre", "Fern%C3%A1ndez", "Lindstr%C3%B6m"};

  private HubSpotInputs() {
  }

  /** A stable, distinct 32-hex visitor token ({@code hubspotutk}) for visitor number {@code v}. */
  public static String utk(int v) {
    long a = (v * 2654435761L) % 4294967296L;
    long b = (a * 40503 + 2246822519L) % 4294967296L;
    long c = (b * 48271 + 3266489917L) % 4294967296L;
    return String.format("%08x%08x%08x%08x", a, b, c, v);
  }

  /** The {@code __hstc} cookie of visitor {@code v}: hash.utk.initial.previous.current.sessions. */
  public static String hstc(int v) {
    long current = NOW - 3_600_000L * (v % 24);
    long first = current - (v % 90) * 86_400_000L;
    return DOMAIN_HASH + "." + utk(v) + "." + first + "." + first + "." + current + "." + (v % 7 + 1);
  }

  /** The {@code __hssc} cookie of visitor {@code v}: hash.pageViews.sessionStart. */
  public static String hssc(int v) {
    return DOMAIN_HASH + "." + (v % 12 + 1) + "." + (NOW - 3_600_000L * (v % 24));
  }

  /**
   * A page-view beacon's query string ({@code /__ptq.gif?...} without the {@code ?}), parameter
   * order as the tracker writes it; one visitor in twenty carries an identity ({@code i}).
   */
  public static String beaconQuery(int v) {
    Random random = new Random(v);
    String[] page = PAGES[random.nextInt(PAGES.length)];
    long now = NOW + random.nextInt(1000);
    String q = "k=1&sd=1920x1080&cd=24-bit&cs=UTF-8&ln=en-us&v=1.1&a=1"
        + "&pu=" + page[0] + "&t=" + page[1] + "&cts=" + now + "&vi=" + utk(v)
        + "&nc=false&u=" + hstc(v) + "&b=" + hssc(v) + "&cc=15";
    return v % 20 == 0 ? q + "&i=email%3Dv" + v + "%2540example.com" : q;
  }

  /**
   * An Events HTTP API call's query string ({@code /v1/event?...}): hub id, event, email,
   * revenue and eleven contact properties, two of them custom ({@code plan}, {@code seats}).
   */
  public static String eventsApiQuery(int v) {
    return "_a=1&_n=pe1_signup_completed&email=user" + v + "%40example.com&_m=" + (v % 50) + ".99"
        + "&firstname=" + FIRST_NAMES[v % FIRST_NAMES.length]
        + "&lastname=" + LAST_NAMES[(v / 8) % LAST_NAMES.length]
        + "&company=Example%20Systems%20GmbH%20%26%20Co.%20KG&jobtitle=Head%20of%20Platform%20Engineering"
        + "&phone=%2B49%2030%20" + (1_000_000 + v) + "&city=Berlin&country=Germany"
        + "&website=https%3A%2F%2Fwww.example.com%2Fabout&lifecyclestage=lead"
        + "&plan=" + (v % 2 == 0 ? "team" : "business") + "&seats=" + (5 + v % 200);
  }
}
