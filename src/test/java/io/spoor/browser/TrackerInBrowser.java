package io.spoor.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.Requirements;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The tracker in a real browser: HubSpot's documented snippets on pages of one site
 * (127.0.0.1, one port), the tracker and beacons from a real Spoor (127.0.0.1, another port),
 * and what the server then shows through its APIs. Each test class gets its own Spoor and
 * site; test classes run one after another, so the static fields belong to the class running now.
 */
abstract class TrackerInBrowser {
  static final List<String> TRACKING_COOKIES = List.of("__hssc", "__hssrc", "__hstc", "hubspotutk");
  private static final String CONTACT_PROPERTIES = "firstname,hs_analytics_num_page_views,"
      + "hs_analytics_num_visits,hs_analytics_first_url,hs_analytics_num_event_completions,hs_analytics_revenue";
  static final Pattern UTK = Pattern.compile("[0-9a-f]{32}");
  static final Pattern HSTC = Pattern.compile("(\\d+)\\.([0-9a-f]{32})\\.(\\d+)\\.(\\d+)\\.(\\d+)\\.(\\d+)");
  static final Pattern HSSC = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

  static RunningSpoor server;
  static SpoorClient spoor;
  static TestSite site;
  private final List<Browser> browsers = new ArrayList<>();

  @BeforeAll
  static void start() {
    server = RunningSpoor.start();
    spoor = server.client();
    site = TestSite.start(spoor.base().replaceFirst("^http://", ""), RunningSpoor.HUB_ID);
  }

  @AfterAll
  static void stop() {
    if (site != null) {
      site.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /**
   * Checked per test so that a machine without Chromium reports every test skipped, saying
   * why (under CI=true each fails instead). Every test starts on the portal's defaults: no
   * banner, bots filtered.
   */
  @BeforeEach
  void chromiumAndADefaultPortal() {
    Requirements.require(Browser.installed(), "Chromium and chromedriver (" + Browser.CHROMIUM + ", "
        + Browser.CHROMEDRIVER + "; Debian packages chromium and chromium-driver)");
    patchPortal(new JsonObject().put("requireConsent", false).put("cookielessBeforeConsent", false)
        .put("honorGpc", false).put("filterBots", true));
  }

  @AfterEach
  void closeBrowsers() {
    browsers.forEach(Browser::close);
    browsers.clear();
  }

  // ---- the browser and the server

  Browser desktop() {
    Browser b = Browser.desktop();
    browsers.add(b);
    return b;
  }

  Browser headlessAsItIs() {
    Browser b = Browser.headlessAsItIs();
    browsers.add(b);
    return b;
  }

  static List<String> trackingCookies(Browser browser) {
    return browser.cookieNames().stream().filter(TRACKING_COOKIES::contains).collect(Collectors.toList());
  }

  static void patchPortal(JsonObject patch) {
    SpoorClient.Answer answer = api(() -> spoor.send("PATCH", "/api/v1/portal", patch));
    assertEquals(200, answer.status(), answer.body());
  }

  /**
   * An API call, made again while the answer is 429: the token's rate limit (10 calls a
   * rolling second by default) is easily reached by a test polling for beacons.
   */
  static SpoorClient.Answer api(Supplier<SpoorClient.Answer> call) {
    return Eventually.until("an answer within the rate limit", call, a -> a.status() != 429);
  }

  static Optional<JsonObject> visitor(String utk) {
    SpoorClient.Answer answer = api(() -> spoor.get("/api/v1/visitors/" + utk));
    if (answer.status() == 404) {
      return Optional.empty();
    }
    assertEquals(200, answer.status(), answer.body());
    return Optional.of(answer.json());
  }

  static JsonObject awaitVisitor(String utk, Predicate<JsonObject> ok) {
    return Eventually.present("visitor " + utk, () -> visitor(utk), ok);
  }

  /** The contact with that email: its {@code id} and the analytics {@code properties}. */
  static Optional<JsonObject> contact(String email) {
    SpoorClient.Answer answer = api(() -> spoor.get("/crm/v3/objects/contacts/" + enc(email)
        + "?idProperty=email&properties=" + CONTACT_PROPERTIES));
    if (answer.status() == 404) {
      return Optional.empty();
    }
    assertEquals(200, answer.status(), answer.body());
    return Optional.of(answer.json());
  }

  static JsonObject awaitContact(String email, Predicate<JsonObject> properties) {
    return Eventually.present("contact " + email, () -> contact(email),
        c -> properties.test(c.getJsonObject("properties")));
  }

  static List<JsonObject> timeline(String email, String type) {
    SpoorClient.Answer answer = api(() -> spoor.get("/api/v1/contacts/" + enc(email) + "/timeline?idProperty=email"));
    assertEquals(200, answer.status(), answer.body());
    JsonArray results = answer.json().getJsonArray("results");
    List<JsonObject> entries = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      if (type.equals(results.getJsonObject(i).getString("type"))) {
        entries.add(results.getJsonObject(i));
      }
    }
    return entries;
  }

  static List<JsonObject> eventDefinitions() {
    JsonArray results = api(() -> spoor.get("/api/v1/event-definitions")).json().getJsonArray("results");
    List<JsonObject> list = new ArrayList<>();
    results.forEach(r -> list.add((JsonObject) r));
    return list;
  }

  static void assertEventValue(String expected, List<JsonObject> events,
      Predicate<JsonObject> which) {
    JsonObject event = events.stream().filter(which).findFirst()
        .orElseThrow(() -> new AssertionError("no such event in " + events));
    String value = event.getString("value");
    assertTrue(value != null && new BigDecimal(expected).compareTo(new BigDecimal(value)) == 0,
        "value " + expected + " for " + event);
  }

  static long pageViews(JsonObject properties) {
    return number(properties, "hs_analytics_num_page_views").longValue();
  }

  /** A numeric contact property; absent or empty reads as 0. */
  static BigDecimal number(JsonObject properties, String name) {
    String value = properties.getString(name);
    return value == null || value.isBlank() ? BigDecimal.ZERO : new BigDecimal(value);
  }

  /** The value of a counter in the server's Prometheus metrics; 0 before it is first counted. */
  static long metric(String nameAndLabels) {
    String text = new String(spoor.raw("/metrics", Map.of()).body(), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("(?m)^" + nameAndLabels + " (\\d+)(?:\\.0+)?\\b").matcher(text);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  static Matcher matching(Pattern pattern, Optional<String> value, String what) {
    assertTrue(value.isPresent(), what + " is set");
    Matcher m = pattern.matcher(value.get());
    assertTrue(m.matches(), what + " has HubSpot's shape: " + value.get());
    return m;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
