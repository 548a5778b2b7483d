package io.spoor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.http.Scope;
import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorPerClass;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reports, checked against beacons sent through the tracker's endpoints: three visits
 * (a desktop Chrome visit from Google over two pages, an iPhone visit from Twitter that bounces
 * and identifies a new contact, a desktop Firefox visit typed in that bounces) and an event with
 * revenue. Every day is a UTC day.
 */
class ReportsApiTest extends SpoorPerClass {
  static final String CHROME_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
      + "Chrome/126.0.0.0 Safari/537.36";
  static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
      + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
  static final String FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 "
      + "Firefox/127.0";
  static final String A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  static final String B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
  static final String C = "cccccccccccccccccccccccccccccccc";
  static String range;
  static LocalDate day;

  @BeforeAll
  static void visits() {
    long now = System.currentTimeMillis();
    long start = now - 120_000;
    // each beacon is applied before the next is sent, so a visit's pages land in separate batches
    pageView(A, start, start, "https://example.com/pricing", "https://www.google.com/", CHROME_LINUX, "");
    pageView(A, start, start + 30_000, "https://example.com/docs", "https://example.com/pricing", CHROME_LINUX, "");
    pageView(B, start, start, "https://example.com/pricing", "https://t.co/xyz", IPHONE, "new@example.com");
    pageView(C, start, start, "https://example.com/", "", FIREFOX_WINDOWS, "");
    assertEquals(200, client.raw("/__ptq.gif?k=3&a=1&vi=" + A + "&n=signup&m=12.5&b=9267242.1." + start
        + "&cts=" + (start + 40_000), Map.of("User-Agent", CHROME_LINUX)).statusCode());
    LocalDate first = Instant.ofEpochMilli(start).atZone(ZoneOffset.UTC).toLocalDate();
    day = Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC).toLocalDate();
    range = "from=" + first + "&to=" + day;
  }

  static void pageView(String utk, long sessionStart, long at, String url, String referrer, String agent,
      String email) {
    String query = "/__ptq.gif?k=1&a=1&v=1.1&vi=" + utk + "&pu=" + enc(url) + "&r=" + enc(referrer)
        + "&t=Page&b=9267242.1." + sessionStart + "&cts=" + at
        + (email.isEmpty() ? "" : "&i=" + enc("email=" + enc(email)));
    assertEquals(200, client.raw(query, Map.of("User-Agent", agent)).statusCode());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static JsonObject get(String path) {
    SpoorClient.Answer answer = client.get(path);
    assertEquals(200, answer.status(), answer.body());
    return answer.json();
  }

  static JsonObject row(JsonArray rows, String key, String value) {
    return rows.stream().map(JsonObject.class::cast).filter(r -> value.equals(r.getString(key))).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + key + "=" + value + " in " + rows.encode()));
  }

  @Test
  void theOverviewCountsTheVisitsPagesContactsAndEventsSent() {
    JsonObject overview = get("/api/v1/reports/overview?" + range + "&interval=hour");
    JsonObject totals = overview.getJsonObject("totals");
    assertEquals(3, totals.getLong("visitors"));
    assertEquals(3, totals.getLong("sessions"));
    assertEquals(4, totals.getLong("pageViews"));
    assertEquals(4.0 / 3, totals.getDouble("pagesPerSession"), 1e-9);
    assertEquals(2.0 / 3, totals.getDouble("bounceRate"), 1e-9);
    assertEquals(10_000, totals.getLong("averageSessionDurationMs")); // 30 s over three visits
    assertEquals(1, totals.getLong("newContacts"));
    assertEquals(1, totals.getLong("completions"));
    assertEquals(12.5, totals.getDouble("revenue"), 1e-9);
    assertEquals("UTC", overview.getString("timeZone"));
    JsonArray series = overview.getJsonArray("series");
    assertEquals(3, series.stream().mapToLong(p -> ((JsonObject) p).getLong("sessions")).sum());
    assertEquals(4, series.stream().mapToLong(p -> ((JsonObject) p).getLong("pageViews")).sum());
    assertTrue(series.size() == 24 || series.size() == 48, "one point per hour of the range: " + series.size());
  }

  @Test
  void theOverviewComparesWithThePreviousPeriodOfTheSameLength() {
    JsonObject overview = get("/api/v1/reports/overview?" + range);
    JsonObject previous = overview.getJsonObject("previous");
    assertEquals(0, previous.getLong("sessions"));
    assertNull(overview.getJsonObject("change").getValue("sessions"), "no change from nothing");
    // seen from the following days, these visits are the previous period
    LocalDate next = day.plusDays(1);
    JsonObject later = get("/api/v1/reports/overview?from=" + next + "&to=" + next);
    assertEquals(0, later.getJsonObject("totals").getLong("sessions"));
  }

  @Test
  void theComparisonGivesEachFiguresChange() {
    LocalDate next = day.plusDays(1);
    JsonObject later = get("/api/v1/reports/overview?from=" + next + "&to=" + next.plusDays(
        day.toEpochDay() - LocalDate.parse(range.substring(5, 15)).toEpochDay()));
    assertEquals(3, later.getJsonObject("previous").getLong("sessions"));
    assertEquals(-1.0, later.getJsonObject("change").getDouble("sessions"), 1e-9);
  }

  @Test
  void sourcesGiveTheirSessionsContactsAndDrillDowns() {
    JsonArray sources = get("/api/v1/reports/sources?" + range).getJsonArray("results");
    JsonObject organic = row(sources, "source", "ORGANIC_SEARCH");
    assertEquals(1, organic.getLong("sessions"));
    assertEquals(2, organic.getLong("pageViews"));
    assertEquals(1, organic.getJsonArray("drillDowns").size(), organic.encode());
    assertEquals(1, organic.getJsonArray("drillDowns").getJsonObject(0).getLong("sessions"));
    JsonObject social = row(sources, "source", "SOCIAL_MEDIA");
    assertEquals(1, social.getLong("newContacts"));
    assertEquals(1.0, social.getDouble("sessionToContactRate"), 1e-9);
    assertEquals(1, row(sources, "source", "DIRECT_TRAFFIC").getLong("sessions"));
  }

  @Test
  void pagesGiveViewsEntrancesExitsAndBounceRate() {
    JsonArray pages = get("/api/v1/reports/pages?" + range).getJsonArray("results");
    JsonObject pricing = row(pages, "page", "/pricing");
    assertEquals(2, pricing.getLong("views"));
    assertEquals(2, pricing.getLong("entrances"));
    assertEquals(1, pricing.getLong("exits"), "the Google visit went on to /docs");
    assertEquals(0.5, pricing.getDouble("bounceRate"), 1e-9);
    JsonObject docs = row(pages, "page", "/docs");
    assertEquals(1, docs.getLong("views"));
    assertEquals(0, docs.getLong("entrances"));
    assertEquals(1, docs.getLong("exits"));
    assertEquals(1, row(pages, "page", "/").getLong("bounces"));
  }

  @Test
  void devicesBrowsersAndSystemsComeFromTheUserAgents() {
    JsonObject devices = get("/api/v1/reports/devices?" + range);
    assertEquals(2, row(devices.getJsonArray("devices"), "name", "desktop").getLong("sessions"));
    assertEquals(1, row(devices.getJsonArray("devices"), "name", "mobile").getLong("sessions"));
    assertEquals(1, row(devices.getJsonArray("browsers"), "name", "Chrome").getLong("sessions"));
    assertEquals(1, row(devices.getJsonArray("browsers"), "name", "Mobile Safari").getLong("sessions"));
    assertEquals(1, row(devices.getJsonArray("browsers"), "name", "Firefox").getLong("sessions"));
    assertEquals(1, row(devices.getJsonArray("operatingSystems"), "name", "iOS").getLong("sessions"));
    assertEquals(1, row(devices.getJsonArray("operatingSystems"), "name", "Windows").getLong("sessions"));
    assertEquals(1, row(devices.getJsonArray("operatingSystems"), "name", "Linux").getLong("sessions"));
  }

  @Test
  void eventsGiveCompletionsAndRevenuePerEvent() {
    JsonArray events = get("/api/v1/reports/events?" + range).getJsonArray("results");
    JsonObject signup = row(events, "name", "signup");
    assertEquals(1, signup.getLong("completions"));
    assertEquals(12.5, signup.getDouble("revenue"), 1e-9);
    assertEquals(1, signup.getJsonArray("series").stream().mapToLong(p -> ((JsonObject) p).getLong("completions"))
        .sum());
  }

  @Test
  void aFilterKeepsOnlyTheMatchingVisitsInEveryReport() {
    JsonObject organic = get("/api/v1/reports/overview?" + range + "&filter=source:ORGANIC_SEARCH")
        .getJsonObject("totals");
    assertEquals(1, organic.getLong("sessions"));
    assertEquals(2, organic.getLong("pageViews"));
    assertEquals(0.0, organic.getDouble("bounceRate"), 1e-9);
    JsonObject pricing = get("/api/v1/reports/overview?" + range + "&filter=" + enc("page:/pricing"))
        .getJsonObject("totals");
    assertEquals(2, pricing.getLong("visitors"));
    JsonObject mobilePricing = get("/api/v1/reports/devices?" + range + "&filter="
        + enc("page:/pricing;device:mobile"));
    assertEquals(1, mobilePricing.getJsonArray("browsers").size());
    assertEquals(1, row(mobilePricing.getJsonArray("browsers"), "name", "Mobile Safari").getLong("sessions"));
    JsonArray sources = get("/api/v1/reports/sources?" + range + "&filter=device:desktop").getJsonArray("results");
    assertEquals(2, sources.size(), sources.encode());
    JsonArray pages = get("/api/v1/reports/pages?" + range + "&filter=browser:Chrome").getJsonArray("results");
    assertEquals(1, row(pages, "page", "/pricing").getLong("entrances"));
    assertEquals(1, row(pages, "page", "/docs").getLong("exits"));
  }

  @Test
  void anEventFilterKeepsTheVisitsThatCompletedTheEventByNameOrId() {
    JsonObject byName = get("/api/v1/reports/overview?" + range + "&filter=event:signup").getJsonObject("totals");
    assertEquals(1, byName.getLong("visitors"));
    assertEquals(1, byName.getLong("sessions"));
    assertEquals(2, byName.getLong("pageViews"));
    assertEquals(1, byName.getLong("completions"));
    assertEquals(12.5, byName.getDouble("revenue"), 1e-9);
    String id = row(get("/api/v1/reports/events?" + range).getJsonArray("results"), "name", "signup")
        .getString("eventId");
    assertEquals(byName, get("/api/v1/reports/overview?" + range + "&filter=event:" + id).getJsonObject("totals"));
    JsonArray sources = get("/api/v1/reports/sources?" + range + "&filter=event:signup").getJsonArray("results");
    assertEquals(1, sources.size(), sources.encode());
    assertEquals(1, row(sources, "source", "ORGANIC_SEARCH").getLong("sessions"));
    JsonObject devices = get("/api/v1/reports/devices?" + range + "&filter=event:signup");
    assertEquals(1, row(devices.getJsonArray("browsers"), "name", "Chrome").getLong("sessions"));
    assertEquals(1, devices.getJsonArray("browsers").size());
    JsonArray pages = get("/api/v1/reports/pages?" + range + "&filter=event:signup").getJsonArray("results");
    assertEquals(1, row(pages, "page", "/pricing").getLong("entrances"));
    assertEquals(1, row(pages, "page", "/docs").getLong("exits"));
    JsonArray events = get("/api/v1/reports/events?" + range + "&filter=event:" + id).getJsonArray("results");
    assertEquals(1, row(events, "name", "signup").getLong("completions"));
  }

  @Test
  void anEventFilterCombinesWithTheVisitFilters() {
    assertEquals(1, get("/api/v1/reports/overview?" + range + "&filter=" + enc("event:signup;source:ORGANIC_SEARCH"))
        .getJsonObject("totals").getLong("sessions"));
    assertEquals(1, get("/api/v1/reports/overview?" + range + "&filter=" + enc("page:/pricing;event:signup"))
        .getJsonObject("totals").getLong("sessions"));
    JsonObject mobile = get("/api/v1/reports/overview?" + range + "&filter=" + enc("event:signup;device:mobile"))
        .getJsonObject("totals");
    assertEquals(0, mobile.getLong("sessions"));
    assertEquals(0, mobile.getLong("completions"));
    assertEquals(0, get("/api/v1/reports/overview?" + range + "&filter=event:never-sent").getJsonObject("totals")
        .getLong("sessions"));
  }

  @Test
  void theVisitFiltersFilterTheEventsReport() {
    JsonArray desktop = get("/api/v1/reports/events?" + range + "&filter=device:desktop").getJsonArray("results");
    assertEquals(1, row(desktop, "name", "signup").getLong("completions"));
    assertEquals(12.5, row(desktop, "name", "signup").getDouble("revenue"), 1e-9);
    assertEquals(0, get("/api/v1/reports/events?" + range + "&filter=device:mobile").getJsonArray("results").size());
    assertEquals(0, get("/api/v1/reports/events?" + range + "&filter=source:DIRECT_TRAFFIC").getJsonArray("results")
        .size());
  }

  @Test
  void aFilterWithAnUnknownKeyIsABadRequest() {
    SpoorClient.Answer answer = client.get("/api/v1/reports/overview?" + range + "&filter=colour:red");
    assertEquals(400, answer.status());
    assertTrue(answer.json().getString("message").contains("filter"), answer.body());
  }

  @Test
  void theLegacyTotalsSpeakHubSpotsFieldNames() {
    String start = range.substring(5, 15).replace("-", "");
    String end = day.toString().replace("-", "");
    JsonObject totals = get("/analytics/v2/reports/totals/total?start=" + start + "&end=" + end)
        .getJsonObject("totals");
    assertEquals(3, totals.getLong("visits"));
    assertEquals(3, totals.getLong("visitors"));
    assertEquals(4, totals.getLong("rawViews"));
    assertEquals(1, totals.getLong("contacts"));
    assertEquals(200.0 / 3, totals.getDouble("bounceRate"), 1e-9);
    assertEquals(10.0, totals.getDouble("timePerSession"), 1e-9);
    JsonObject sources = get("/analytics/v2/reports/sources/total?start=" + start + "&end=" + end);
    assertEquals(1, row(sources.getJsonArray("breakdowns"), "breakdown", "ORGANIC_SEARCH").getLong("visits"));
    assertEquals(3, sources.getLong("total"));
    JsonObject daily = get("/analytics/v2/reports/pages/daily?start=" + start + "&end=" + end);
    long views = daily.fieldNames().stream().flatMap(d -> daily.getJsonArray(d).stream())
        .map(JsonObject.class::cast).filter(r -> r.getString("breakdown").equals("/pricing"))
        .mapToLong(r -> r.getLong("rawViews")).sum();
    assertEquals(2, views);
  }

  static String legacyRange() {
    return "start=" + range.substring(5, 15).replace("-", "") + "&end=" + day.toString().replace("-", "");
  }

  /** A page's row of each period of a legacy daily report, added up over the days. */
  static long summed(JsonObject periods, String page, String field) {
    return periods.fieldNames().stream().flatMap(d -> periods.getJsonArray(d).stream()).map(JsonObject.class::cast)
        .filter(r -> r.getString("breakdown").equals(page)).mapToLong(r -> r.getLong(field)).sum();
  }

  @Test
  void theLegacyPagesDailyCountEachPagesViewsEntrancesAndExitsSent() {
    JsonObject daily = get("/analytics/v2/reports/pages/daily?" + legacyRange());
    assertTrue(daily.fieldNames().stream().allMatch(d -> !LocalDate.parse(d).isAfter(day)
        && !LocalDate.parse(d).isBefore(LocalDate.parse(range.substring(5, 15)))), daily.encode());
    assertEquals(2, summed(daily, "/pricing", "rawViews"));
    assertEquals(2, summed(daily, "/pricing", "entrances"));
    assertEquals(1, summed(daily, "/pricing", "exits"), "the Google visit went on to /docs");
    assertEquals(1, summed(daily, "/docs", "rawViews"));
    assertEquals(0, summed(daily, "/docs", "entrances"));
    assertEquals(1, summed(daily, "/docs", "exits"));
    assertEquals(1, summed(daily, "/", "rawViews"));
    assertEquals(1, summed(daily, "/", "entrances"));
    JsonObject weekly = get("/analytics/v2/reports/pages/weekly?" + legacyRange());
    assertEquals(2, summed(weekly, "/pricing", "rawViews"));
    assertTrue(weekly.fieldNames().stream().allMatch(w -> LocalDate.parse(w).getDayOfWeek().getValue() == 1),
        "weeks are keyed by their Monday: " + weekly.encode());
  }

  @Test
  void theLegacySourcesDrillDownIntoOneSourceWithD1() {
    JsonObject organic = row(get("/api/v1/reports/sources?" + range).getJsonArray("results"), "source",
        "ORGANIC_SEARCH");
    String drill = organic.getJsonArray("drillDowns").getJsonObject(0).getString("value");
    JsonObject drilled = get("/analytics/v2/reports/sources/total?" + legacyRange() + "&d1=ORGANIC_SEARCH");
    assertEquals(1, drilled.getLong("total"), drilled.encode());
    assertEquals(1, row(drilled.getJsonArray("breakdowns"), "breakdown", drill).getLong("visits"));
    assertEquals(2, drilled.getJsonObject("totals").getLong("rawViews"));
  }

  @Test
  void theLegacyReportsPageSortAndPickTheirBreakdowns() {
    SpoorClient portal = server.newPortal(21, Scope.all());
    long start = System.currentTimeMillis() - 60_000;
    int[] views = {4, 3, 2, 1, 1};
    for (int p = 0; p < views.length; p++) {
      for (int v = 0; v < views[p]; v++) {
        ReportRollupsTest.pageView(portal, 21, ReportRollupsTest.utk((char) ('1' + p)), start,
            "https://example.com/p" + (p + 1), "", CHROME_LINUX);
      }
    }
    String pages = "/analytics/v2/reports/pages/total?start=" + ReportRollupsTest.day(start).toString().replace("-", "")
        + "&end=" + ReportRollupsTest.day(System.currentTimeMillis()).toString().replace("-", "");
    JsonObject first = ReportRollupsTest.get(portal, pages + "&limit=2");
    assertEquals(java.util.List.of("/p1", "/p2"), breakdowns(first));
    assertEquals(5, first.getLong("total"));
    assertEquals(2, first.getLong("offset"), "where the next page starts");
    JsonObject second = ReportRollupsTest.get(portal, pages + "&limit=2&offset=2");
    assertEquals(java.util.List.of("/p3", "/p4"), breakdowns(second));
    assertEquals(4, second.getLong("offset"));
    assertEquals(java.util.List.of("/p5"), breakdowns(ReportRollupsTest.get(portal, pages + "&limit=2&offset=4")));
    JsonObject past = ReportRollupsTest.get(portal, pages + "&offset=10");
    assertEquals(0, past.getJsonArray("breakdowns").size());
    assertEquals(5, past.getLong("total"));
    assertEquals(java.util.List.of("/p4", "/p5", "/p3"),
        breakdowns(ReportRollupsTest.get(portal, pages + "&limit=3&sortDir=asc&sort=rawViews")), "ties by name");
    JsonObject picked = ReportRollupsTest.get(portal, pages + "&f=/p4&f=/p2");
    assertEquals(java.util.List.of("/p2", "/p4"), breakdowns(picked));
    assertEquals(4, picked.getJsonObject("totals").getLong("rawViews"));
    JsonObject excluded = ReportRollupsTest.get(portal, pages + "&exclude=/p1");
    assertEquals(4, excluded.getLong("total"));
    assertEquals("/p2", breakdowns(excluded).get(0));
    JsonObject daily = ReportRollupsTest.get(portal, pages.replace("/total?", "/daily?") + "&limit=1");
    assertTrue(daily.fieldNames().stream().allMatch(d -> daily.getJsonArray(d).size() == 1), daily.encode());
  }

  static java.util.List<String> breakdowns(JsonObject report) {
    return report.getJsonArray("breakdowns").stream().map(r -> ((JsonObject) r).getString("breakdown")).toList();
  }

  @Test
  void badLegacyParametersAreABadRequestThatNamesThem() {
    Map<String, String> bad = Map.of("limit=0", "limit", "limit=1001", "limit", "limit=ten", "limit",
        "offset=-1", "offset", "sortDir=up", "sortDir", "sort=colour", "sort", "d1=ORGANIC_SEARCH", "d1",
        "d2=google", "d2", "filterId=7", "filterId");
    bad.forEach((query, name) -> {
      SpoorClient.Answer answer = client.get("/analytics/v2/reports/pages/total?" + legacyRange() + "&" + query);
      assertEquals(400, answer.status(), query + ": " + answer.body());
      assertEquals("VALIDATION_ERROR", answer.json().getString("category"), answer.body());
      assertTrue(answer.json().getString("message").startsWith(name), answer.body());
    });
    SpoorClient.Answer backwards = client.get("/analytics/v2/reports/pages/total?start=20261102&end=20261101");
    assertEquals(400, backwards.status());
    SpoorClient.Answer points = client.get("/analytics/v2/reports/pages/daily?start=20250101&end=20260520");
    assertEquals(413, points.status(), points.body());
    assertTrue(points.json().getString("message").startsWith("RESULT_POINT_LIMIT_EXCEEDED"), points.body());
    assertEquals(200, client.get("/analytics/v2/reports/pages/monthly?start=20250101&end=20260520").status());
  }

  @Test
  void theReportsNeedTheBusinessIntelligenceScope() {
    SpoorClient other = server.scoped(Set.of(Scope.CONTACTS_READ));
    assertEquals(403, other.get("/api/v1/reports/overview?" + range).status());
    assertEquals(403, other.get("/analytics/v2/reports/totals/total?start=20260101&end=20260102").status());
    assertEquals(200, server.scoped(Set.of(Scope.BUSINESS_INTELLIGENCE)).get("/api/v1/reports/pages?" + range)
        .status());
  }
}
