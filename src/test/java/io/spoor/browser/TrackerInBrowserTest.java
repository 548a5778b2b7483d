package io.spoor.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.identity.DomainHash;
import io.spoor.testkit.Requirements;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * The tracker in a real browser: HubSpot's documented snippets on pages of one site
 * (127.0.0.1, one port), the tracker and beacons from a real Spoor (127.0.0.1, another port),
 * and what the server then shows through its APIs.
 */
class TrackerInBrowserTest {
  private static final List<String> TRACKING_COOKIES = List.of("__hssc", "__hssrc", "__hstc", "hubspotutk");
  private static final String CONTACT_PROPERTIES = "firstname,hs_analytics_num_page_views,"
      + "hs_analytics_num_visits,hs_analytics_first_url,hs_analytics_num_event_completions,hs_analytics_revenue";
  private static final Pattern UTK = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern HSTC = Pattern.compile("(\\d+)\\.([0-9a-f]{32})\\.(\\d+)\\.(\\d+)\\.(\\d+)\\.(\\d+)");
  private static final Pattern HSSC = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

  private static RunningSpoor server;
  private static SpoorClient spoor;
  private static TestSite site;
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

  @Test
  void aPageViewWritesHubSpotsCookiesAndTheServerCountsItForThatVisitor() {
    long before = System.currentTimeMillis();
    Browser browser = desktop();
    String url = site.publish("/first-visit.html", "plain.html", Map.of("title", "First visit"));
    browser.open(url);

    String utk = browser.awaitCookie("hubspotutk");
    long after = System.currentTimeMillis();
    assertTrue(UTK.matcher(utk).matches(), "hubspotutk is 32 lowercase hex digits: " + utk);
    String hash = Integer.toString(DomainHash.forHost("127.0.0.1", Optional.empty()));
    Matcher hstc = matching(HSTC, browser.cookieValue("__hstc"), "__hstc");
    assertEquals(hash, hstc.group(1), "__hstc starts with the domain hash");
    assertEquals(utk, hstc.group(2), "__hstc carries the visitor token");
    long initial = Long.parseLong(hstc.group(3));
    assertTrue(initial >= before && initial <= after, "first visit time " + initial + " is now");
    assertEquals(initial, Long.parseLong(hstc.group(4)), "previous visit of a first visit");
    assertEquals(initial, Long.parseLong(hstc.group(5)), "current visit of a first visit");
    assertEquals("1", hstc.group(6), "session number");
    Matcher hssc = matching(HSSC, browser.cookieValue("__hssc"), "__hssc");
    assertEquals(hash, hssc.group(1), "__hssc starts with the domain hash");
    assertEquals("1", hssc.group(2), "page views in this session");
    assertEquals(initial, Long.parseLong(hssc.group(3)), "session start");
    assertEquals(Optional.of("1"), browser.cookieValue("__hssrc"));

    Cookie utkCookie = browser.cookie("hubspotutk").orElseThrow();
    assertEquals("127.0.0.1", utkCookie.getDomain(), "a host-only cookie");
    assertEquals("/", utkCookie.getPath());
    assertEquals("Lax", utkCookie.getSameSite());
    assertFalse(utkCookie.isSecure(), "no Secure cookie on an http page");
    assertNotNull(utkCookie.getExpiry(), "hubspotutk outlives the browser session");
    assertTrue(utkCookie.getExpiry().toInstant().isAfter(Instant.now().plusSeconds(360L * 86_400)),
        "hubspotutk is kept for about 13 months: " + utkCookie.getExpiry());
    Cookie session = browser.cookie("__hssc").orElseThrow();
    assertTrue(session.getExpiry().toInstant().isBefore(Instant.now().plusSeconds(31 * 60)),
        "__hssc expires after 30 minutes: " + session.getExpiry());
    assertNull(browser.cookie("__hssrc").orElseThrow().getExpiry(), "__hssrc lasts the browser session");

    JsonObject visitor = awaitVisitor(utk, v -> v.getLong("numPageViews") >= 1);
    server.awaitApplied();
    visitor = visitor(utk).orElseThrow();
    assertEquals(1, visitor.getLong("numPageViews"), visitor.encode());
    assertEquals(1, visitor.getLong("numVisits"), visitor.encode());
    assertEquals(url, visitor.getString("firstUrl"));
    assertEquals("DIRECT_TRAFFIC", visitor.getString("source"));
    assertNull(visitor.getString("contactId"), "an anonymous visitor has no contact");
  }

  @Test
  void aBrowserRestartStartsTheSecondVisitOfTheSameVisitor() {
    Browser browser = desktop();
    browser.open(site.publish("/returning.html", "plain.html", Map.of("title", "Returning")));
    String utk = browser.awaitCookie("hubspotutk");
    Matcher first = matching(HSTC, browser.cookieValue("__hstc"), "__hstc");
    awaitVisitor(utk, v -> v.getLong("numPageViews") == 1);

    browser.deleteCookie("__hssrc"); // what a browser restart does to this session cookie
    browser.reload();
    Matcher second = matching(HSTC, browser.cookieValue("__hstc"), "__hstc");
    assertEquals(utk, second.group(2), "the same visitor");
    assertEquals(first.group(3), second.group(3), "first visit time is kept");
    assertEquals(first.group(5), second.group(4), "the previous visit is the first one");
    assertTrue(Long.parseLong(second.group(5)) > Long.parseLong(first.group(5)), "a new current visit");
    assertEquals("2", second.group(6), "session number");
    Matcher session = matching(HSSC, browser.cookieValue("__hssc"), "__hssc");
    assertEquals("1", session.group(2), "first page view of the new session");
    assertEquals(second.group(5), session.group(3), "the new session starts now");
    assertEquals(Optional.of("1"), browser.cookieValue("__hssrc"));

    awaitVisitor(utk, v -> v.getLong("numPageViews") >= 2);
    server.awaitApplied();
    JsonObject visitor = visitor(utk).orElseThrow();
    assertEquals(2, visitor.getLong("numPageViews"), visitor.encode());
    assertEquals(2, visitor.getLong("numVisits"), "two sessions are two visits: " + visitor.encode());
  }

  @Test
  void identifyPushedBeforeTheSnippetCreatesTheContactWithItsPageView() {
    Browser browser = desktop();
    String url = site.publish("/welcome.html", "identify.html",
        Map.of("title", "Welcome", "email", "grace@example.com", "firstname", "Grace"));
    browser.open(url);
    String utk = browser.awaitCookie("hubspotutk");

    JsonObject contact = awaitContact("grace@example.com", p -> pageViews(p) >= 1);
    server.awaitApplied();
    contact = contact("grace@example.com").orElseThrow();
    JsonObject p = contact.getJsonObject("properties");
    assertEquals(1, pageViews(p), p.encode());
    assertEquals("Grace", p.getString("firstname"));
    assertEquals(url, p.getString("hs_analytics_first_url"));
    assertEquals(contact.getString("id"), visitor(utk).orElseThrow().getString("contactId"));
  }

  @Test
  void pageViewsBeforeIdentifyAreAttributedToTheContactOnceTheBrowserIdentifies() {
    Browser browser = desktop();
    String home = site.publish("/home.html", "plain.html", Map.of("title", "Home"));
    String pricing = site.publish("/pricing.html", "plain.html", Map.of("title", "Pricing"));
    String signup = site.publish("/signup.html", "identify.html",
        Map.of("title", "Sign up", "email", "ada@example.com", "firstname", "Ada"));

    browser.open(home);
    String utk = browser.awaitCookie("hubspotutk");
    awaitVisitor(utk, v -> v.getLong("numPageViews") == 1);
    browser.open(pricing);
    awaitVisitor(utk, v -> v.getLong("numPageViews") == 2);
    assertTrue(contact("ada@example.com").isEmpty(), "no contact before the visitor identifies");
    browser.open(signup);
    assertEquals(utk, browser.cookieValue("hubspotutk").orElseThrow(), "one visitor on all three pages");

    awaitContact("ada@example.com", p -> pageViews(p) >= 3);
    server.awaitApplied();
    JsonObject contact = contact("ada@example.com").orElseThrow();
    JsonObject p = contact.getJsonObject("properties");
    assertEquals(3, pageViews(p), p.encode());
    assertEquals("1", p.getString("hs_analytics_num_visits"), "three pages in one session are one visit");
    assertEquals(home, p.getString("hs_analytics_first_url"));
    assertEquals("Ada", p.getString("firstname"));
    assertEquals(contact.getString("id"), visitor(utk).orElseThrow().getString("contactId"));
    assertEquals(List.of(signup, pricing, home), timeline("ada@example.com", "PAGE_VIEW").stream()
        .map(e -> e.getString("url")).collect(Collectors.toList()), "page views, newest first");
  }

  @Test
  void aSinglePageAppCountsSetPathAndTrackPageViewAsAnotherPageViewOfTheNewPath() {
    Browser browser = desktop();
    String url = site.publish("/app.html", "spa.html", Map.of("title", "The app", "email", "spa@example.com"));
    browser.open(url);
    awaitContact("spa@example.com", p -> pageViews(p) == 1);

    browser.click("About us");
    assertEquals("2", matching(HSSC, browser.cookieValue("__hssc"), "__hssc").group(2),
        "the second page view of the session");
    awaitContact("spa@example.com", p -> pageViews(p) >= 2);
    server.awaitApplied();
    assertEquals(2, pageViews(contact("spa@example.com").orElseThrow().getJsonObject("properties")));
    List<JsonObject> views = timeline("spa@example.com", "PAGE_VIEW");
    assertEquals(List.of("/#/about-us", "/app.html"), views.stream().map(e -> e.getString("path"))
        .collect(Collectors.toList()), "paths of the page views, newest first: " + views);
    assertEquals(url, views.get(0).getString("url"), "the URL the view was on");
  }

  @Test
  void trackEventCountsEventsByNameAndByNumericIdWithTheirRevenue() {
    SpoorClient.Answer created = api(() -> spoor.send("POST", "/api/v1/event-definitions",
        new JsonObject().put("name", "Watched the demo")));
    assertEquals(201, created.status(), created.body());
    String demoId = created.json().getString("id");
    assertTrue(demoId.matches("\\d{12}"), "an app event has a numeric ID: " + demoId);
    Browser browser = desktop();
    browser.open(site.publish("/shop.html", "events.html",
        Map.of("title", "Shop", "email", "buyer@example.com", "eventId", demoId)));
    awaitContact("buyer@example.com", p -> pageViews(p) == 1);

    browser.click("Buy");
    browser.click("Watch the demo");
    browser.click("Add to cart");
    awaitContact("buyer@example.com", p -> number(p, "hs_analytics_num_event_completions").intValue() >= 3);
    server.awaitApplied();
    JsonObject p = contact("buyer@example.com").orElseThrow().getJsonObject("properties");
    assertEquals(3, number(p, "hs_analytics_num_event_completions").intValue(), p.encode());
    assertEquals(0, new BigDecimal("35.5").compareTo(number(p, "hs_analytics_revenue")),
        "revenue 12 + 20.5 + 3: " + p.encode());

    List<JsonObject> events = timeline("buyer@example.com", "EVENT");
    assertEquals(3, events.size(), events.toString());
    assertEventValue("12", events, e -> "clicked_buy".equals(e.getString("eventName")));
    assertEventValue("20.5", events, e -> demoId.equals(e.getString("eventId")));
    assertEventValue("3", events, e -> "added_to_cart".equals(e.getString("eventName")));
    JsonObject demo = eventDefinitions().stream().filter(d -> demoId.equals(d.getString("id"))).findFirst()
        .orElseThrow();
    assertEquals(1, demo.getLong("completions"), "the app event counted its one completion: " + demo);
  }

  @Test
  void doNotTrackStopsPageViewsUntilTrackingIsAllowedAgain() {
    Browser browser = desktop();
    browser.open(site.publish("/private.html", "donottrack.html", Map.of("title", "Private")));
    String utk = browser.awaitCookie("hubspotutk");
    awaitVisitor(utk, v -> v.getLong("numPageViews") == 1);

    browser.click("Do not track me");
    assertEquals("yes", browser.awaitCookie("__hs_do_not_track"));
    browser.click("Pricing");
    browser.reload();
    browser.click("Pricing");
    assertEquals(List.of(), browser.beaconsSent(), "beacons sent while do-not-track is set");

    browser.click("Track me again");
    browser.awaitUntil("the do-not-track cookie to go", b -> b.cookie("__hs_do_not_track").isEmpty());
    browser.click("Pricing");
    awaitVisitor(utk, v -> v.getLong("numPageViews") >= 2);
    server.awaitApplied();
    JsonObject visitor = visitor(utk).orElseThrow();
    assertEquals(2, visitor.getLong("numPageViews"),
        "the first page view and the one after tracking was allowed again: " + visitor.encode());
  }

  @Test
  void anOptInPortalWritesNoCookieAndCountsNothingUntilTheBannerIsAccepted() {
    String bannerText = "May we count your visits? We use cookies for that.";
    patchPortal(new JsonObject().put("requireConsent", true).put("cookielessBeforeConsent", false)
        .put("bannerText", bannerText));
    Browser browser = desktop();
    String url = site.publish("/opt-in.html", "plain.html", Map.of("title", "Opt-in"));
    browser.open(url);

    WebElement banner = browser.awaitByRole("dialog", "Cookie consent");
    assertEquals(bannerText, banner.findElement(By.tagName("p")).getText());
    assertEquals(List.of(), trackingCookies(browser), "tracking cookies before consent");
    assertEquals(List.of(), browser.beaconsSent(), "beacons sent before consent");

    browser.click("Accept");
    String utk = browser.awaitCookie("hubspotutk");
    assertEquals(TRACKING_COOKIES, trackingCookies(browser));
    assertEquals(Optional.of("no"), browser.cookieValue("__hs_opt_out"), "HubSpot's cookie for 'not opted out'");
    assertTrue(browser.byRole("dialog", "Cookie consent").isEmpty(), "the banner is gone once answered");
    JsonObject visitor = awaitVisitor(utk,
        v -> v.getLong("numPageViews") >= 1 && "given".equals(v.getString("consent")));
    assertEquals(url, visitor.getString("firstUrl"));

    browser.reload();
    assertTrue(browser.byRole("dialog", "Cookie consent").isEmpty(), "an answered banner does not come back");
    awaitVisitor(utk, v -> v.getLong("numPageViews") >= 2);
    server.awaitApplied();
    assertEquals(2, visitor(utk).orElseThrow().getLong("numPageViews"),
        "the page view held back until consent, and the next one");
  }

  @Test
  void decliningTheBannerKeepsTrackingCookiesAwayAndCountsNoVisitor() {
    patchPortal(new JsonObject().put("requireConsent", true).put("cookielessBeforeConsent", false));
    Browser browser = desktop();
    browser.open(site.publish("/declined.html", "plain.html", Map.of("title", "Declined")));
    long cookieless = metric("spoor_untracked_hits_total\\{why=\"cookieless\"}");

    browser.click("Decline");
    assertEquals("yes", browser.awaitCookie("__hs_opt_out"), "HubSpot's cookie for 'opted out'");
    browser.awaitUntil("the decline to be sent", b -> !b.beaconsSent().isEmpty());
    Eventually.until("the cookieless decline beacon to be counted",
        () -> metric("spoor_untracked_hits_total\\{why=\"cookieless\"}"), n -> n > cookieless);
    assertEquals(List.of(), trackingCookies(browser), "tracking cookies after declining");
    List<String> sent = browser.beaconsSent();
    assertEquals(1, sent.size(), "only the decision is sent: " + sent);
    assertTrue(sent.get(0).contains("k=29") && sent.get(0).contains("ce=false") && !sent.get(0).contains("vi="),
        "a cookieless decline: " + sent.get(0));

    browser.reload();
    assertTrue(browser.byRole("dialog", "Cookie consent").isEmpty(), "a declined banner does not come back");
    assertEquals(List.of(), trackingCookies(browser), "tracking cookies on the next page");
    assertEquals(List.of(), browser.beaconsSent(), "beacons sent on the next page");
  }

  @Test
  void revokeCookieConsentRemovesTheTrackingCookiesAndAsksAgain() {
    Browser browser = desktop();
    browser.open(site.publish("/privacy.html", "privacy.html", Map.of("title", "Privacy")));
    String utk = browser.awaitCookie("hubspotutk");
    assertEquals(TRACKING_COOKIES, trackingCookies(browser));
    awaitVisitor(utk, v -> v.getLong("numPageViews") == 1);

    browser.click("Withdraw cookie consent");
    browser.awaitUntil("the tracking cookies to be deleted", b -> trackingCookies(b).isEmpty());
    assertNotNull(browser.awaitByRole("dialog", "Cookie consent"), "the banner asks again");
    assertTrue(browser.cookie("__hs_opt_out").isEmpty(), "the earlier answer is forgotten");
    JsonObject visitor = awaitVisitor(utk, v -> "revoked".equals(v.getString("consent")));
    assertEquals(1, visitor.getLong("numPageViews"), "revoking is not a page view: " + visitor.encode());
  }

  @Test
  void aHeadlessChromeUserAgentIsKeptOutWhileTheStandardBotFilterIsOn() {
    JsonObject portal = api(() -> spoor.get("/api/v1/portal")).json();
    assertEquals(Boolean.TRUE, portal.getBoolean("filterBots"), "bots are filtered: " + portal.encode());
    long bots = metric("spoor_bot_hits_total");
    Browser browser = headlessAsItIs();
    assertTrue(browser.userAgent().contains("HeadlessChrome"), "Chromium's own user agent: " + browser.userAgent());
    browser.open(site.publish("/crawled.html", "plain.html", Map.of("title", "Crawled")));
    String utk = browser.awaitCookie("hubspotutk");

    Eventually.until("the headless page view to be counted as a bot's", () -> metric("spoor_bot_hits_total"),
        n -> n > bots);
    server.awaitApplied();
    assertEquals(Optional.empty(), visitor(utk), "a visitor for the headless browser");
  }

  // ---- the browser and the server

  private Browser desktop() {
    Browser b = Browser.desktop();
    browsers.add(b);
    return b;
  }

  private Browser headlessAsItIs() {
    Browser b = Browser.headlessAsItIs();
    browsers.add(b);
    return b;
  }

  private static List<String> trackingCookies(Browser browser) {
    return browser.cookieNames().stream().filter(TRACKING_COOKIES::contains).collect(Collectors.toList());
  }

  private static void patchPortal(JsonObject patch) {
    SpoorClient.Answer answer = api(() -> spoor.send("PATCH", "/api/v1/portal", patch));
    assertEquals(200, answer.status(), answer.body());
  }

  /**
   * An API call, made again while the answer is 429: the token's rate limit (10 calls a
   * rolling second by default) is easily reached by a test polling for beacons.
   */
  private static SpoorClient.Answer api(Supplier<SpoorClient.Answer> call) {
    return Eventually.until("an answer within the rate limit", call, a -> a.status() != 429);
  }

  private static Optional<JsonObject> visitor(String utk) {
    SpoorClient.Answer answer = api(() -> spoor.get("/api/v1/visitors/" + utk));
    if (answer.status() == 404) {
      return Optional.empty();
    }
    assertEquals(200, answer.status(), answer.body());
    return Optional.of(answer.json());
  }

  private static JsonObject awaitVisitor(String utk, Predicate<JsonObject> ok) {
    return Eventually.present("visitor " + utk, () -> visitor(utk), ok);
  }

  /** The contact with that email: its {@code id} and the analytics {@code properties}. */
  private static Optional<JsonObject> contact(String email) {
    SpoorClient.Answer answer = api(() -> spoor.get("/crm/v3/objects/contacts/" + enc(email)
        + "?idProperty=email&properties=" + CONTACT_PROPERTIES));
    if (answer.status() == 404) {
      return Optional.empty();
    }
    assertEquals(200, answer.status(), answer.body());
    return Optional.of(answer.json());
  }

  private static JsonObject awaitContact(String email, Predicate<JsonObject> properties) {
    return Eventually.present("contact " + email, () -> contact(email),
        c -> properties.test(c.getJsonObject("properties")));
  }

  private static List<JsonObject> timeline(String email, String type) {
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

  private static List<JsonObject> eventDefinitions() {
    JsonArray results = api(() -> spoor.get("/api/v1/event-definitions")).json().getJsonArray("results");
    List<JsonObject> list = new ArrayList<>();
    results.forEach(r -> list.add((JsonObject) r));
    return list;
  }

  private static void assertEventValue(String expected, List<JsonObject> events,
      Predicate<JsonObject> which) {
    JsonObject event = events.stream().filter(which).findFirst()
        .orElseThrow(() -> new AssertionError("no such event in " + events));
    String value = event.getString("value");
    assertTrue(value != null && new BigDecimal(expected).compareTo(new BigDecimal(value)) == 0,
        "value " + expected + " for " + event);
  }

  private static long pageViews(JsonObject properties) {
    return number(properties, "hs_analytics_num_page_views").longValue();
  }

  /** A numeric contact property; absent or empty reads as 0. */
  private static BigDecimal number(JsonObject properties, String name) {
    String value = properties.getString(name);
    return value == null || value.isBlank() ? BigDecimal.ZERO : new BigDecimal(value);
  }

  /** The value of a counter in the server's Prometheus metrics; 0 before it is first counted. */
  private static long metric(String nameAndLabels) {
    String text = new String(spoor.raw("/metrics", Map.of()).body(), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("(?m)^" + nameAndLabels + " (\\d+)(?:\\.0+)?\\b").matcher(text);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  private static Matcher matching(Pattern pattern, Optional<String> value, String what) {
    assertTrue(value.isPresent(), what + " is set");
    Matcher m = pattern.matcher(value.get());
    assertTrue(m.matches(), what + " has HubSpot's shape: " + value.get());
    return m;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
