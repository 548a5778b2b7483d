package io.spoor.report;

import static io.spoor.report.ReportsApiTest.CHROME_LINUX;
import static io.spoor.report.ReportsApiTest.FIREFOX_WINDOWS;
import static io.spoor.report.ReportsApiTest.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorPerClass;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the rollups keep beyond one day's visits: visits counted on the day and hour they
 * started, a returning visitor counted once over many days, completions tied to their visit so
 * filtered reports count them, and the index of visits following what is applied after it first
 * read a day. Each test uses its own portal.
 */
class ReportRollupsTest extends SpoorPerClass {
  static final long HOUR = 3_600_000L;
  static final long DAY = 24 * HOUR;

  static void pageView(SpoorClient portal, long hubId, String utk, long sessionStart, String url, String referrer,
      String agent) {
    long now = System.currentTimeMillis();
    String query = "/__ptq.gif?k=1&a=" + hubId + "&v=1.1&vi=" + utk + "&pu=" + enc(url) + "&r=" + enc(referrer)
        + "&t=Page&b=9267242.1." + sessionStart + "&cts=" + now;
    assertEquals(200, portal.raw(query, Map.of("User-Agent", agent)).statusCode());
  }

  static void event(SpoorClient portal, long hubId, String utk, long sessionStart, String name, String revenue) {
    assertEquals(200, portal.raw("/__ptq.gif?k=3&a=" + hubId + "&vi=" + utk + "&n=" + name + "&m=" + revenue
        + "&b=9267242.1." + sessionStart + "&cts=" + System.currentTimeMillis(), Map.of("User-Agent", CHROME_LINUX))
        .statusCode());
  }

  static JsonObject get(SpoorClient portal, String path) {
    SpoorClient.Answer answer = portal.get(path);
    assertEquals(200, answer.status(), answer.body());
    return answer.json();
  }

  static LocalDate day(long at) {
    return Instant.ofEpochMilli(at).atZone(ZoneOffset.UTC).toLocalDate();
  }

  static JsonObject point(JsonArray series, long at) {
    String start = Instant.ofEpochMilli(at).toString();
    return series.stream().map(JsonObject.class::cast).filter(p -> p.getString("start").equals(start)).findFirst()
        .orElseThrow(() -> new AssertionError("no point at " + start + " in " + series.encode()));
  }

  /** A visitor token: 32 hex digits. */
  static String utk(char c) {
    return String.valueOf(c).repeat(32);
  }

  @Test
  void aVisitCountsOnTheDayAndInTheHourItStarted() {
    SpoorClient portal = server.newPortal(11, io.spoor.http.Scope.all());
    long now = System.currentTimeMillis();
    long today = Math.floorDiv(now, DAY) * DAY;
    long started = today - DAY + 10 * HOUR + 30 * 60_000; // yesterday 10:30
    pageView(portal, 11, utk('a'), started, "https://example.com/", "", CHROME_LINUX);
    String range = "from=" + day(started) + "&to=" + day(now);
    JsonArray days = get(portal, "/api/v1/reports/overview?" + range).getJsonArray("series");
    assertEquals(2, days.size());
    assertEquals(1, point(days, today - DAY).getLong("sessions"), "the visit on the day it started");
    assertEquals(0, point(days, today - DAY).getLong("pageViews"));
    assertEquals(1, point(days, today).getLong("pageViews"), "its page view on the day it was seen");
    assertEquals(0, point(days, today).getLong("sessions"));
    JsonArray hours = get(portal, "/api/v1/reports/overview?" + range + "&interval=hour").getJsonArray("series");
    assertEquals(48, hours.size());
    assertEquals(1, point(hours, today - DAY + 10 * HOUR).getLong("sessions"));
    assertEquals(1, point(hours, today - DAY + 10 * HOUR).getLong("visitors"));
    assertEquals(1, point(hours, Math.floorDiv(now, HOUR) * HOUR).getLong("pageViews"));
    JsonObject legacy = get(portal, "/analytics/v2/reports/totals/daily?start="
        + day(started).toString().replace("-", "") + "&end=" + day(now).toString().replace("-", ""));
    assertEquals(1, legacy.getJsonArray(day(started).toString()).getJsonObject(0).getLong("visits"));
  }

  private long visitsRead() {
    String text = server.client().get("/metrics").body();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^spoor_report_visits_read_total (\\d+)")
        .matcher(text);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  @Test
  void aVisitsNextPageAndANewVisitAreAppliedWithoutReadingTheVisitsBack() {
    SpoorClient portal = server.newPortal(17, io.spoor.http.Scope.all());
    long start = System.currentTimeMillis() - 60_000;
    pageView(portal, 17, utk('7'), start, "https://example.com/", "", CHROME_LINUX);
    long read = visitsRead();

    pageView(portal, 17, utk('7'), start, "https://example.com/next", "", CHROME_LINUX);
    pageView(portal, 17, utk('8'), start + 1_000, "https://example.com/", "", FIREFOX_WINDOWS);

    assertEquals(read, visitsRead(), "the applier held the first visit and knew the second was new");
    JsonObject totals = get(portal, "/api/v1/reports/overview?from=" + day(start) + "&to="
        + day(System.currentTimeMillis())).getJsonObject("totals");
    assertEquals(List.of(2L, 3L), List.of(totals.getLong("sessions"), totals.getLong("pageViews")));
    assertEquals(0.5, totals.getDouble("bounceRate"), 0.001);
  }

  @Test
  void aVisitorReturningOnManyDaysCountsOnceOverTheRangeAndOnceEachDay() {
    SpoorClient portal = server.newPortal(12, io.spoor.http.Scope.all());
    long now = System.currentTimeMillis();
    long today = Math.floorDiv(now, DAY) * DAY;
    for (int d = 0; d < 3; d++) {
      pageView(portal, 12, utk('e'), today - d * DAY + HOUR, "https://example.com/", "", CHROME_LINUX);
    }
    pageView(portal, 12, utk('f'), today - DAY + HOUR, "https://example.com/", "", FIREFOX_WINDOWS);
    JsonObject overview = get(portal, "/api/v1/reports/overview?from=" + day(today - 2 * DAY) + "&to=" + day(now));
    assertEquals(4, overview.getJsonObject("totals").getLong("sessions"));
    assertEquals(2, overview.getJsonObject("totals").getLong("visitors"));
    assertEquals(2, point(overview.getJsonArray("series"), today - DAY).getLong("visitors"));
    assertEquals(1, point(overview.getJsonArray("series"), today - 2 * DAY).getLong("visitors"));
    JsonObject desktop = get(portal, "/api/v1/reports/devices?from=" + day(today - 2 * DAY) + "&to=" + day(now));
    assertEquals(2, ReportsApiTest.row(desktop.getJsonArray("devices"), "name", "desktop").getLong("visitors"));
    assertEquals(1, ReportsApiTest.row(desktop.getJsonArray("browsers"), "name", "Chrome").getLong("visitors"));
    assertEquals("HyperLogLog", overview.getJsonObject("visitorsEstimate").getString("method"));
  }

  @Test
  void filteredEventsCountOnlyTheCompletionsOfMatchingVisits() {
    SpoorClient portal = server.newPortal(13, io.spoor.http.Scope.all());
    long start = System.currentTimeMillis() - 60_000;
    pageView(portal, 13, utk('c'), start, "https://example.com/", "https://www.google.com/", CHROME_LINUX);
    pageView(portal, 13, utk('d'), start, "https://example.com/", "", FIREFOX_WINDOWS);
    event(portal, 13, utk('c'), start, "signup", "10");
    event(portal, 13, utk('d'), start, "signup", "5");
    event(portal, 13, utk('d'), start, "demo", "0");
    String range = "from=" + day(start) + "&to=" + day(System.currentTimeMillis());
    JsonArray all = get(portal, "/api/v1/reports/events?" + range).getJsonArray("results");
    assertEquals(2, ReportsApiTest.row(all, "name", "signup").getLong("completions"));
    assertEquals(1, ReportsApiTest.row(all, "name", "demo").getLong("completions"));
    JsonArray organic = get(portal, "/api/v1/reports/events?" + range + "&filter=source:ORGANIC_SEARCH")
        .getJsonArray("results");
    assertEquals(1, organic.size(), organic.encode());
    assertEquals(1, ReportsApiTest.row(organic, "name", "signup").getLong("completions"));
    assertEquals(10.0, ReportsApiTest.row(organic, "name", "signup").getDouble("revenue"), 1e-9);
    JsonObject totals = get(portal, "/api/v1/reports/overview?" + range + "&filter=browser:Firefox")
        .getJsonObject("totals");
    assertEquals(2, totals.getLong("completions"));
    assertEquals(5.0, totals.getDouble("revenue"), 1e-9);
  }

  @Test
  void aFilteredReportFollowsHitsAppliedAfterItFirstReadTheDay() {
    SpoorClient portal = server.newPortal(14, io.spoor.http.Scope.all());
    long start = System.currentTimeMillis() - 60_000;
    String range = "from=" + day(start) + "&to=" + day(System.currentTimeMillis()) + "&filter=source:ORGANIC_SEARCH";
    pageView(portal, 14, utk('1'), start, "https://example.com/a", "https://www.google.com/", CHROME_LINUX);
    JsonObject before = get(portal, "/api/v1/reports/overview?" + range).getJsonObject("totals");
    assertEquals(1, before.getLong("sessions"));
    assertEquals(1.0, before.getDouble("bounceRate"), 1e-9);
    pageView(portal, 14, utk('1'), start, "https://example.com/b", "https://example.com/a", CHROME_LINUX);
    pageView(portal, 14, utk('2'), start, "https://example.com/c", "https://www.google.com/", CHROME_LINUX);
    pageView(portal, 14, utk('3'), start, "https://example.com/d", "", CHROME_LINUX);
    JsonObject after = get(portal, "/api/v1/reports/overview?" + range).getJsonObject("totals");
    assertEquals(2, after.getLong("sessions"));
    assertEquals(3, after.getLong("pageViews"));
    assertEquals(0.5, after.getDouble("bounceRate"), 1e-9, "the first visit's second page ended its bounce");
    JsonArray pages = get(portal, "/api/v1/reports/pages?" + range).getJsonArray("results");
    assertEquals(1, ReportsApiTest.row(pages, "page", "/b").getLong("exits"));
  }

  @Test
  void aDayReadBeforeIsReadAgainOnceItChanged() {
    SpoorClient portal = server.newPortal(15, io.spoor.http.Scope.all());
    long start = System.currentTimeMillis() - 60_000;
    String range = "from=" + day(start) + "&to=" + day(System.currentTimeMillis());
    pageView(portal, 15, utk('4'), start, "https://example.com/a", "", CHROME_LINUX);
    assertEquals(1, get(portal, "/api/v1/reports/pages?" + range).getJsonArray("results").size());
    pageView(portal, 15, utk('5'), start, "https://example.com/b", "", CHROME_LINUX);
    JsonArray pages = get(portal, "/api/v1/reports/pages?" + range).getJsonArray("results");
    assertEquals(2, pages.size(), pages.encode());
    assertEquals(2, get(portal, "/api/v1/reports/overview?" + range).getJsonObject("totals").getLong("visitors"));
  }

  @Test
  void aFilteredReportOverMoreVisitsThanTheIndexHoldsIsRefused() {
    try (RunningSpoor small = RunningSpoor.start(Map.of("report-index-visits", "2"))) {
      SpoorClient portal = small.client();
      long start = System.currentTimeMillis() - 60_000;
      for (char c : new char[] {'7', '8', '9'}) {
        pageView(portal, RunningSpoor.HUB_ID, utk(c), start, "https://example.com/", "", CHROME_LINUX);
      }
      String range = "from=" + day(start) + "&to=" + day(System.currentTimeMillis());
      SpoorClient.Answer refused = portal.get("/api/v1/reports/overview?" + range + "&filter=device:desktop");
      assertEquals(400, refused.status(), refused.body());
      assertTrue(refused.json().getString("message").contains("--report-index-visits"), refused.body());
      assertEquals(3, get(portal, "/api/v1/reports/overview?" + range).getJsonObject("totals").getLong("sessions"),
          "unfiltered reports read the buckets");
    }
  }
}
