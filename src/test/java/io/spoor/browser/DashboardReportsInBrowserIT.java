package io.spoor.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.dashboard.Role;
import io.spoor.http.Scope;
import io.spoor.testkit.Requirements;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The report pages in Chromium, on visits sent through the tracker's endpoints: every page
 * walked, a filter set by clicking a source, hostile values from visitors shown as text, and a
 * page view from the tracker in a second tab shown on the overview live.
 */
class DashboardReportsInBrowserIT {
  private static final String PASSWORD = "a long browser password";
  private static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
      + "Chrome/126.0.0.0 Safari/537.36";
  private static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
      + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
  /** Each sets {@code window.__xss} if it ever runs as code. */
  static final String SCRIPT = "<script>window.__xss='script'</script>";
  static final String IMG = "\"><img src=x onerror=\"window.__xss='img'\">";
  private static RunningSpoor server;
  private static SpoorClient spoor;
  private static String base;

  @BeforeAll
  static void visits() {
    server = RunningSpoor.start();
    spoor = server.client();
    base = spoor.base();
    server.spoor().accounts().create(RunningSpoor.HUB_ID, "owner@example.com", Role.ADMIN, PASSWORD);
    long start = System.currentTimeMillis() - 60_000;
    pageView("a", start, start, "https://example.com/pricing", "https://www.google.com/", CHROME);
    pageView("a", start, start + 20_000, "https://example.com/docs", "https://example.com/pricing", CHROME);
    pageView("b", start, start, "https://example.com/pricing", "https://t.co/xyz", IPHONE);
    pageView("c", start, start, "https://example.com/blog/" + IMG + "?utm_source=news&utm_medium=email&utm_campaign="
        + enc(SCRIPT + IMG), "https://news.example.org/" + IMG, CHROME);
    pageView("d", start, start, "https://example.com/", "", SCRIPT + IMG);
    event("a", start, "signup", "12.5");
    event("c", start, SCRIPT + IMG, "1");
    server.awaitApplied();
  }

  private static String utk(String letter) {
    return letter.repeat(32);
  }

  static void pageView(String visitor, long sessionStart, long at, String url, String referrer, String agent) {
    pageView(RunningSpoor.HUB_ID, visitor, sessionStart, at, url, referrer, agent);
  }

  static void pageView(long hubId, String visitor, long sessionStart, long at, String url, String referrer,
      String agent) {
    assertEquals(200, spoor.raw("/__ptq.gif?k=1&a=" + hubId + "&v=1.1&vi=" + utk(visitor)
        + "&pu=" + enc(url) + "&r=" + enc(referrer) + "&t=" + enc("Title " + SCRIPT + IMG) + "&b=9267242.1."
        + sessionStart + "&cts=" + at, Map.of("User-Agent", agent)).statusCode());
  }

  static void event(String visitor, long sessionStart, String name, String revenue) {
    assertEquals(200, spoor.raw("/__ptq.gif?k=3&a=" + RunningSpoor.HUB_ID + "&vi=" + utk(visitor) + "&n="
        + enc(name) + "&m=" + revenue + "&b=9267242.1." + sessionStart + "&cts=" + (sessionStart + 30_000),
        Map.of("User-Agent", CHROME)).statusCode());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void chromium() {
    Requirements.require(Browser.installed(), "Chromium and chromedriver (" + Browser.CHROMIUM + ", "
        + Browser.CHROMEDRIVER + ")");
  }

  private static void signIn(Browser browser, String path) {
    signIn(browser, path, "owner@example.com");
  }

  private static void signIn(Browser browser, String path, String email) {
    browser.visit(base + path);
    browser.fill("Email", email);
    browser.fill("Password", PASSWORD);
    browser.click("Sign in");
  }

  private static String text(Browser browser, String css) {
    return browser.awaitShown(css).getText();
  }

  /** The report has loaded (or reloaded) and shows what {@code css} matches. */
  private static void awaitReport(Browser browser, String css) {
    browser.awaitUntil("the report to load and show " + css, b -> Boolean.TRUE.equals(b.script(
        "const body = document.getElementById('report-body');"
            + "return !!body && !body.hasAttribute('aria-busy') && !!document.querySelector('" + css + "')")));
  }

  @Test
  void everyReportPageShowsTheVisitsSentAndAFilterSetByClickingASourceAppliesToEveryReport() {
    try (Browser browser = Browser.desktop()) {
      signIn(browser, "/#/overview?range=today");
      awaitReport(browser, "#figure-sessions");
      assertEquals("4", text(browser, "#figure-sessions"));
      assertEquals("5", text(browser, "#figure-pageViews"));
      assertTrue(browser.awaitShown("#overview-chart canvas").isDisplayed(), "a chart is drawn");
      browser.screenshot("dashboard-overview");
      browser.awaitShown("#overview-chart-table summary").click();
      assertTrue(text(browser, "#overview-chart-table table").contains("Page views"), "the chart's table");

      browser.awaitShown("nav a[href^='#/sources']").click();
      awaitReport(browser, "#table-sources");
      assertTrue(text(browser, "#table-sources").contains("Organic search"));
      browser.awaitShown("#table-sources .expand[aria-label*='Organic search']").click();
      assertTrue(text(browser, "#table-sources").contains("google"), text(browser, "#table-sources"));
      browser.screenshot("dashboard-sources");

      browser.awaitShown("nav a[href^='#/pages']").click();
      awaitReport(browser, "#table-pages");
      assertTrue(text(browser, "#table-pages").contains("/pricing"));
      browser.screenshot("dashboard-pages");

      browser.awaitShown("nav a[href^='#/devices']").click();
      awaitReport(browser, "#table-browsers");
      assertTrue(text(browser, "#table-devices").contains("mobile"));
      browser.screenshot("dashboard-devices");

      browser.awaitShown("nav a[href^='#/events']").click();
      awaitReport(browser, "#table-events");
      assertTrue(text(browser, "#table-events").contains("signup"), text(browser, "#table-events"));
      browser.screenshot("dashboard-events");

      browser.awaitShown("nav a[href^='#/sources']").click();
      awaitReport(browser, "#table-sources");
      browser.click("Organic search");
      browser.awaitUntil("the filter in the URL", b -> b.url().contains("source=ORGANIC_SEARCH"));
      awaitReport(browser, "#filters .chip");
      assertTrue(text(browser, "#filters").contains("Source is Organic search"));
      for (String section : List.of("overview", "pages", "devices")) {
        browser.awaitShown("nav a[href^='#/" + section + "']").click();
        browser.awaitUntil("the filter carried to " + section, b -> b.url().contains("#/" + section + "?")
            && b.url().contains("source=ORGANIC_SEARCH"));
        awaitReport(browser, "#filters .chip");
        assertTrue(text(browser, "#filters").contains("Source is Organic search"), section);
      }
      browser.awaitShown("nav a[href^='#/overview']").click();
      awaitReport(browser, "#figure-sessions");
      assertEquals("1", text(browser, "#figure-sessions"), "only the visit from Google");
      browser.screenshot("dashboard-overview-filtered");

      String shared = browser.url();
      try (Browser other = Browser.desktop()) {
        signIn(other, shared.substring(base.length()));
        awaitReport(other, "#figure-sessions");
        assertEquals("1", text(other, "#figure-sessions"), "a shared link opens the same view");
        assertTrue(text(other, "#filters").contains("Source is Organic search"));
      }

      browser.awaitShown(".chip-remove").click();
      browser.awaitUntil("the filter gone from the URL", b -> !b.url().contains("source="));
      awaitReport(browser, "#figure-sessions");
      assertEquals("4", text(browser, "#figure-sessions"));
      browser.resize(390, 844);
      browser.screenshot("dashboard-overview-phone");
    }
  }

  @Test
  void aClickOnAnEventFiltersEveryReportToTheVisitsThatCompletedIt() {
    try (Browser browser = Browser.desktop()) {
      signIn(browser, "/#/events?range=today");
      awaitReport(browser, "#table-events");
      browser.click("signup");
      browser.awaitUntil("the event filter in the URL", b -> b.url().contains("event="));
      awaitReport(browser, "#filters .chip");
      assertTrue(text(browser, "#filters").contains("Event is signup"), text(browser, "#filters"));
      assertTrue(text(browser, "#table-events").contains("signup"), text(browser, "#table-events"));
      assertFalse(text(browser, "#table-events").contains(SCRIPT), "only what the matching visits completed");

      browser.awaitShown("nav a[href^='#/overview']").click();
      browser.awaitUntil("the filter carried to the overview", b -> b.url().contains("#/overview?")
          && b.url().contains("event="));
      awaitReport(browser, "#figure-sessions");
      assertEquals("1", text(browser, "#figure-sessions"), "only the visit that signed up");
      assertEquals("2", text(browser, "#figure-pageViews"), "its two page views");
      browser.screenshot("dashboard-overview-event-filter");
    }
  }

  @Test
  void valuesFromVisitorsAreShownAsTextAndNeverRun() {
    try (Browser browser = Browser.desktop()) {
      signIn(browser, "/#/overview?range=7d");
      awaitReport(browser, "#figure-sessions");
      for (String section : List.of("sources", "pages", "devices", "events", "overview")) {
        browser.awaitShown("nav a[href^='#/" + section + "']").click();
        awaitReport(browser, section.equals("overview") ? "#figure-sessions" : ".report-table");
        browser.script("document.querySelectorAll('.expand').forEach(b => b.click());"
            + "document.querySelectorAll('details').forEach(d => d.open = true)");
        assertNull(browser.script("return window.__xss || null"), "nothing a visitor sent ran on " + section);
        assertEquals(0L, browser.script("return document.querySelectorAll('#app img, #app script').length"),
            "no element made from a visitor's value on " + section);
      }
      browser.awaitShown("nav a[href^='#/sources']").click();
      awaitReport(browser, "#table-sources");
      browser.script("document.querySelectorAll('.expand').forEach(b => b.click())");
      assertTrue(text(browser, "#table-sources").contains(SCRIPT + IMG), "the campaign is shown as text: "
          + text(browser, "#table-sources"));
      browser.awaitShown("nav a[href^='#/pages']").click();
      awaitReport(browser, "#table-pages");
      assertTrue(text(browser, "#table-pages").contains("/blog/" + IMG), "a path with a quote is shown as sent: "
          + text(browser, "#table-pages"));
      browser.awaitShown("nav a[href^='#/events']").click();
      awaitReport(browser, "#table-events");
      assertTrue(text(browser, "#table-events").contains(SCRIPT + IMG), text(browser, "#table-events"));
      browser.screenshot("dashboard-events-hostile-names");
    }
  }

  @Test
  void aNewPortalsSnippetGivesWayToItsReportsAsItsFirstVisitArrives() {
    server.newPortal(2, Set.of(Scope.BUSINESS_INTELLIGENCE));
    server.spoor().accounts().create(2, "new@example.com", Role.VIEWER, PASSWORD);
    try (Browser browser = Browser.desktop()) {
      signIn(browser, "/", "new@example.com");
      browser.awaitShown("#empty-state #snippet");
      browser.script("window.__sameDocument = true");
      long now = System.currentTimeMillis();
      pageView(2, "e", now, now, "https://example.com/first", "", CHROME);
      awaitReport(browser, "#figure-pageViews");
      assertEquals("1", text(browser, "#figure-pageViews"));
      assertEquals(Boolean.TRUE, browser.script("return window.__sameDocument"), "no reload");
    }
  }

  @Test
  void aPageViewInAnotherTabAppearsOnTheOverviewWithinASecondWithoutAReload() throws Exception {
    int samples = Integer.getInteger("spoor.liveSamples", 5);
    try (Browser browser = Browser.desktop();
        TestSite site = TestSite.start(base.replaceFirst("^http://", ""), RunningSpoor.HUB_ID)) {
      signIn(browser, "/");
      awaitReport(browser, "#figure-pageViews");
      browser.awaitUntil("live mode on for today", b -> "open".equals(b.script(
          "return document.getElementById('live-status').dataset.state")));
      String dashboard = browser.tab();
      String page = site.publish("/landing", "plain.html", Map.of("title", "Landing &lt;script&gt;"));
      browser.script("window.__sameDocument = true");
      List<Long> freshness = new ArrayList<>();
      String siteTab = null;
      for (int i = 0; i < samples; i++) {
        long before = Long.parseLong(text(browser, "#figure-pageViews").replaceAll("\\D", ""));
        browser.script("window.__shown = null; const seen = " + before + ";"
            + "window.__watch = new MutationObserver(() => { const f = document.getElementById('figure-pageViews');"
            + " if (f && Number(f.textContent.replace(/\\D/g, '')) > seen && !window.__shown) {"
            + " window.__shown = performance.timeOrigin + performance.now(); } });"
            + "window.__watch.observe(document.getElementById('report-body'), {childList: true, subtree: true,"
            + " characterData: true})");
        if (siteTab == null) {
          siteTab = browser.openTab(page);
        } else {
          browser.switchTo(siteTab);
          browser.visit(page);
        }
        Object acked = Eventually.until("the page view's beacon answered", () -> browser.script(
            "const e = performance.getEntriesByType('resource').filter(r => /__pt[a-z]*\\.gif/.test(r.name)"
                + " && r.responseEnd > 0); return e.length ? performance.timeOrigin + e[0].responseEnd : null"),
            v -> v != null);
        browser.switchTo(dashboard);
        if (Boolean.getBoolean("spoor.debugLive")) {
          server.awaitApplied();
          System.out.println("DEBUG api " + spoor.get("/api/v1/reports/overview?from=" + java.time.LocalDate.now(
              java.time.ZoneOffset.UTC) + "&to=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC)).json()
              .getJsonObject("totals").encode());
          System.out.println("DEBUG metrics " + spoor.get("/metrics").body().lines().filter(l -> l.contains("bot_hits")
              || l.contains("untracked") || l.contains("live")).toList());
          System.out.println("DEBUG page " + browser.script("return document.getElementById('updated').textContent"
              + " + ' ' + new Date().toISOString()"));
        }
        Object shown = Eventually.until("the page view on the overview", () -> browser.script(
            "return window.__shown || ('figure ' + document.getElementById('figure-pageViews').textContent + ' '"
                + " + document.getElementById('updated').textContent + ' ' + document.getElementById('live-status')"
                + ".textContent)"), v -> v instanceof Number);
        freshness.add(Math.round(((Number) shown).doubleValue() - ((Number) acked).doubleValue()));
        assertEquals(before + 1, Long.parseLong(text(browser, "#figure-pageViews").replaceAll("\\D", "")));
      }
      assertEquals(Boolean.TRUE, browser.script("return window.__sameDocument"), "the dashboard was never reloaded");
      List<Long> sorted = freshness.stream().sorted().toList();
      long median = sorted.get(sorted.size() / 2);
      String line = "live freshness, acknowledged to shown, ms: " + freshness + " (median " + median + ", max "
          + sorted.get(sorted.size() - 1) + ")";
      System.out.println(line);
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target", "live-freshness.txt"), line + "\n");
      browser.screenshot("dashboard-overview-live");
      assertTrue(median <= 1_000, line);
    }
  }
}
