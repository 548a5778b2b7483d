package io.spoor.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tracking-code beacons on a real server: visitors, sessions, sources, and the script and GIF
 * they are served with.
 */
class BeaconTest extends BeaconFixture {
  @Test
  void capturedHubSpotBeaconIsUnderstood() {
    String utk = utk();
    HttpResponse<byte[]> answer = beacon("/__ptq.gif?k=1&sd=1920x1080&cd=24-bit&cs=UTF-8&ln=de-de&v=1.1&a=1"
        + "&pu=https%3A%2F%2Fshop.example.de%2Fproducts%3Futm_source%3Dnewsletter%26utm_medium%3Demail"
        + "&t=Products&cts=" + T0 + "&vi=" + utk + "&nc=false&u=226818242." + utk + "." + T0 + "." + T0 + "."
        + T0 + ".2&b=226818242.2." + T0 + "&cc=15");
    assertEquals(200, answer.statusCode());
    assertEquals("image/gif", answer.headers().firstValue("content-type").orElseThrow());
    JsonObject visitor = visitor(utk);
    assertEquals(1, visitor.getLong("numPageViews"));
    assertEquals(1, visitor.getLong("numVisits"));
    assertEquals("EMAIL_MARKETING", visitor.getString("source"));
  }

  @Test
  void pageViewsInOneSessionAreOneVisitAndANewSessionIsAnother() {
    String utk = utk();
    pageView(utk, "https://site.example/a", "", T0, "");
    pageView(utk, "https://site.example/b", "", T0, "");
    pageView(utk, "https://site.example/c", "", T0 + 3_600_000, "");
    JsonObject visitor = visitor(utk);
    assertEquals(3, visitor.getLong("numPageViews"));
    assertEquals(2, visitor.getLong("numVisits"));
    assertEquals("https://site.example/a", visitor.getString("firstUrl"));
    assertEquals("https://site.example/c", visitor.getString("lastUrl"));
  }

  @Test
  void beaconsAlwaysAnswerWithTheGif() {
    for (String path : new String[] {"/__ptq.gif?k=1", "/__ptq.gif?k=1&a=nope", "/__ptq.gif?k=17&a=1",
        "/__pto.gif?a=1&e=boom", "/__ptc.gif?a=424242&vi=" + utk(), "/__ptq.gif?k=1&a=1&vi=%zz"}) {
      assertEquals(200, client.rawTarget(path), path);
    }
    assertEquals(200, beacon("/__ptq.gif?k=1&a=424242&vi=" + utk()).statusCode());
  }

  @Test
  void theTrackerScriptIsServedWithTheTrackingDomainCompressedAndCached() {
    HttpResponse<byte[]> plain = client.raw("/1.js", Map.of());
    String script = new String(plain.body(), StandardCharsets.UTF_8);
    assertEquals(200, plain.statusCode());
    assertTrue(script.startsWith("var __spoorConfig = {\"hubId\":1,\"trackingDomain\":\"127.0.0.1:"), script);
    String etag = plain.headers().firstValue("etag").orElseThrow();
    assertEquals(304, client.raw("/1.js", Map.of("If-None-Match", etag)).statusCode());
    assertEquals("gzip", client.raw("/analytics/1783670100000/1.js", Map.of("Accept-Encoding", "gzip"))
        .headers().firstValue("content-encoding").orElse(""));
    assertTrue(TrackerScriptRoutes.gzippedSize() <= 8 * 1024, "tracker over 8 KB gzipped");
    String unknown = new String(client.raw("/987654.js", Map.of()).body(), StandardCharsets.UTF_8);
    assertTrue(unknown.contains("no portal has hub id 987654") && !unknown.contains("_hsq"), unknown);
  }

  @Test
  void aSessionThatStartsWithoutACookieAdoptsTheCookiesStartWithinTheWindow() {
    String utk = utk();
    long now = System.currentTimeMillis();
    // the banner loaded after the tracker: the first page view has a token but no __hssc yet
    beacon(HUBSPOT_PAGE + "&vi=" + utk + "&nc=true&cts=" + now + "&i=" + enc(identity("adopted@example.com", "")));
    // the cookie written on consent holds the browser's session start: the page load, before the first hit
    beacon(HUBSPOT_PAGE + "&vi=" + utk + "&nc=false&cts=" + (now + 1_000) + "&u=" + DOMAIN_HASH + "." + utk + "."
        + (now - 4_000) + "." + (now - 4_000) + "." + (now - 4_000) + ".1&b=" + DOMAIN_HASH + ".2." + (now - 4_000));
    assertEquals(1, visitor(utk).getLong("numVisits"));
    assertEquals("1", contact("adopted@example.com").getString("hs_analytics_num_visits"));
    // the next session's cookie start is a new visit
    pageView(utk, "https://site.example/tomorrow", "", now + 86_400_000, "");
    assertEquals(2, visitor(utk).getLong("numVisits"));
  }

  @Test
  void hitsWithoutASessionCookieWithinThirtyMinutesAreOneVisit() {
    String utk = utk();
    beacon(HUBSPOT_PAGE + "&vi=" + utk);
    beacon(HUBSPOT_PAGE + "&vi=" + utk);
    assertEquals(1, visitor(utk).getLong("numVisits"));
  }

  @Test
  void aPlausibleClientTimeIsTheHitsTimeAndAnImplausibleOneIsIgnored() {
    String utk = utk();
    long now = System.currentTimeMillis();
    long twoMinutesAgo = now - 120_000;
    beacon(HUBSPOT_PAGE + "&vi=" + utk + "&cts=" + twoMinutesAgo + "&b=" + DOMAIN_HASH + ".1." + twoMinutesAgo
        + "&i=" + enc(identity("clock@example.com", "")));
    beacon(HUBSPOT_PAGE + "&vi=" + utk + "&cts=" + (now + 3_600_000) + "&b=" + DOMAIN_HASH + ".2." + twoMinutesAgo);
    long after = System.currentTimeMillis();
    JsonArray timeline = timeline("clock@example.com");
    assertEquals(java.time.Instant.ofEpochMilli(twoMinutesAgo).toString(),
        timeline.getJsonObject(1).getString("occurredAt"));
    long second = java.time.Instant.parse(timeline.getJsonObject(0).getString("occurredAt")).toEpochMilli();
    assertTrue(second >= now && second <= after, "an hour ahead is not the hit's time: " + second);
  }

  @Test
  void thePagesOwnCanonicalLinkIsKeptWhenNoneWasSet() {
    String utk = utk();
    beacon(HUBSPOT_PAGE + "&vi=" + utk + "&rcu=" + enc("https://site.example/canonical")
        + "&i=" + enc(identity("canonical@example.com", "")));
    assertEquals("https://site.example/canonical", timeline("canonical@example.com").getJsonObject(0)
        .getString("canonicalUrl"));
  }

  @Test
  void theSinglePageAppsPreviousPathIsTheReferrer() {
    String utk = utk();
    beacon(HUBSPOT_PAGE + "&vi=" + utk + "&po=%2Fpricing&rpo=%2Ffeatures&r=" + enc("https://www.google.com/")
        + "&i=" + enc(identity("spa-referrer@example.com", "")));
    assertEquals("https://site.example/features", timeline("spa-referrer@example.com").getJsonObject(0)
        .getString("referrer"));
  }

  @Test
  void aReturningVisitorFirstSeenBySpoorKeepsTheFirstVisitItsCookieRecorded() {
    String returning = utk();
    String brandNew = utk();
    String cookie = "&u=" + DOMAIN_HASH + ".%s." + T0 + "." + T0 + "." + (T0 + 86_400_000) + ".2";
    beacon(HUBSPOT_PAGE + "&vi=" + returning + "&nc=false" + String.format(cookie, returning));
    beacon(HUBSPOT_PAGE + "&vi=" + brandNew + "&nc=true" + String.format(cookie, brandNew));
    assertEquals(java.time.Instant.ofEpochMilli(T0).toString(), visitor(returning).getString("firstSeen"));
    assertTrue(java.time.Instant.parse(visitor(brandNew).getString("firstSeen")).toEpochMilli() > T0 + 86_400_000);
  }
}
