package io.spoor.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tracking-code beacons on a real server: visitors, sessions, identify, sources, events, bots. */
class BeaconTest {
  private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
      + "(KHTML, like Gecko) Chrome/126.0 Safari/537.36";
  private static final long T0 = 1_783_669_943_308L;
  private static RunningSpoor server;
  private static SpoorClient client;

  @BeforeAll
  static void start() {
    server = RunningSpoor.start();
    client = server.client();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

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
  void identifyBringsTheAnonymousHistoryToTheContact() {
    String utk = utk();
    pageView(utk, "https://site.example/landing", "https://www.google.com/search?q=spoor", T0, "");
    pageView(utk, "https://site.example/pricing", "", T0, "");
    pageView(utk, "https://site.example/signup", "", T0 + 3_600_000, identity("ada@example.com", "Ada"));
    JsonObject p = contact("ada@example.com");
    assertEquals("3", p.getString("hs_analytics_num_page_views"));
    assertEquals("2", p.getString("hs_analytics_num_visits"));
    assertEquals("https://site.example/landing", p.getString("hs_analytics_first_url"));
    assertEquals("https://www.google.com/search?q=spoor", p.getString("hs_analytics_first_referrer"));
    assertEquals("ORGANIC_SEARCH", p.getString("hs_analytics_source"));
    assertEquals("Ada", p.getString("firstname"));
    JsonArray timeline = client.get("/api/v1/contacts/" + enc("ada@example.com")
        + "/timeline?idProperty=email").json().getJsonArray("results");
    assertEquals(3, timeline.size());
    assertEquals("https://site.example/signup", timeline.getJsonObject(0).getString("url"));
    assertEquals("https://site.example/landing", timeline.getJsonObject(2).getString("url"));
  }

  @Test
  void aSecondPersonOnASharedBrowserStartsFreshWithoutTakingTheFirstsHistory() {
    String utk = utk();
    pageView(utk, "https://site.example/1", "", T0, identity("first@example.com", ""));
    pageView(utk, "https://site.example/2", "", T0, "");
    pageView(utk, "https://site.example/3", "", T0, identity("second@example.com", ""));
    assertEquals("2", contact("first@example.com").getString("hs_analytics_num_page_views"));
    assertEquals("1", contact("second@example.com").getString("hs_analytics_num_page_views"));
    assertEquals(contactId("second@example.com"), visitor(utk).getString("contactId"));
  }

  @Test
  void hitsRacingToCreateOneContactCreateOne() throws Exception {
    Thread[] threads = new Thread[8];
    for (int i = 0; i < threads.length; i++) {
      threads[i] = new Thread(() -> pageView(utk(), "https://site.example/", "", T0, identity("race@example.com", "")));
      threads[i].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    server.awaitApplied();
    assertEquals("8", contact("race@example.com").getString("hs_analytics_num_page_views"));
  }

  @Test
  void legacyEventsFollowTheEventRules() {
    String utk = utk();
    pageView(utk, "https://site.example/", "", T0, identity("events@example.com", ""));
    beacon("/__ptq.gif?k=3&a=1&vi=" + utk + "&n=downloaded_whitepaper&m=12.5");
    beacon("/__ptq.gif?k=3&a=1&vi=" + utk + "&n=downloaded_whitepaper&m=abc");
    JsonObject p = contact("events@example.com");
    assertEquals("2", p.getString("hs_analytics_num_event_completions"));
    assertEquals("12.5", p.getString("hs_analytics_revenue"));
  }

  @Test
  void behaviouralEventsNeedADefinitionNamedForThePortal() {
    String utk = utk();
    beacon("/__ptbe.gif?a=1&vi=" + utk + "&n=pe1_undefined&_plan=pro");
    assertTrue(client.get("/api/v1/rejections?limit=1000").body().contains("UNKNOWN_BEHAVIORAL_EVENT"));
  }

  @Test
  void behaviouralEventsWithADefinitionCountForTheContact() {
    defineBehaviouralEvent("trial_started", "plan");
    String utk = utk();
    pageView(utk, "https://site.example/", "", T0, identity("trial@example.com", ""));
    beacon("/__ptbe.gif?a=1&vi=" + utk + "&n=pe1_trial_started&_plan=pro");
    assertEquals("1", contact("trial@example.com").getString("hs_analytics_num_event_completions"));
    JsonObject event = client.get("/api/v1/contacts/" + enc("trial@example.com") + "/timeline?idProperty=email")
        .json().getJsonArray("results").getJsonObject(0);
    assertEquals("pe1_trial_started", event.getString("eventName"));
    assertEquals("pro", event.getJsonObject("properties").getString("plan"));
  }

  @Test
  void clicksAreKeptAsEvents() {
    String utk = utk();
    pageView(utk, "https://site.example/", "", T0, identity("clicker@example.com", ""));
    beacon("/__ptc.gif?a=1&vi=" + utk + "&_hs_element=buy-button");
    JsonArray timeline = client.get("/api/v1/contacts/" + enc("clicker@example.com")
        + "/timeline?idProperty=email").json().getJsonArray("results");
    assertEquals("hs_click", timeline.getJsonObject(0).getString("eventName"));
  }

  @Test
  void anEmailCollectingImplausiblyManyVisitorsIsFlagged() {
    for (int i = 0; i <= BeaconApplier.PLAUSIBLE_VISITORS_PER_CONTACT; i++) {
      pageView(utk(), "https://site.example/", "", T0, identity("placeholder@example.com", ""));
    }
    assertTrue(client.get("/api/v1/rejections?limit=1000").body().contains("SUSPECTED_PLACEHOLDER_EMAIL"));
    assertEquals(String.valueOf(BeaconApplier.PLAUSIBLE_VISITORS_PER_CONTACT + 1),
        contact("placeholder@example.com").getString("hs_analytics_num_page_views"));
  }

  @Test
  void botsAreCountedAndKeptOut() {
    String utk = utk();
    client.raw("/__ptq.gif?k=1&a=1&vi=" + utk + "&pu=https%3A%2F%2Fsite.example%2F",
        Map.of("User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"));
    assertEquals(404, client.get("/api/v1/visitors/" + utk).status());
    assertTrue(new String(client.raw("/metrics", Map.of()).body()).matches("(?s).*spoor_bot_hits_total [1-9].*"));
  }

  @Test
  void cookielessHitsAreCountedNotRejected() {
    int before = client.get("/api/v1/rejections?limit=1000").json().getJsonArray("results").size();
    beacon("/__ptq.gif?k=1&a=1&ce=false&pu=https%3A%2F%2Fsite.example%2F");
    assertEquals(before, client.get("/api/v1/rejections?limit=1000").json().getJsonArray("results").size());
    assertTrue(new String(client.raw("/metrics", Map.of()).body())
        .contains("spoor_untracked_hits_total{why=\"cookieless\"}"));
  }

  @Test
  void aPrivacySignalIsHonouredOnlyWhenThePortalSaysSo() {
    String honoured = utk();
    String ignored = utk();
    client.raw("/__ptq.gif?k=1&a=1&vi=" + ignored, Map.of("User-Agent", BROWSER, "Sec-GPC", "1"));
    assertEquals(200, client.get("/api/v1/visitors/" + ignored).status());
    client.send("PATCH", "/api/v1/portal", new JsonObject().put("honorGpc", true));
    try {
      client.raw("/__ptq.gif?k=1&a=1&vi=" + honoured, Map.of("User-Agent", BROWSER, "Sec-GPC", "1"));
      assertEquals(404, client.get("/api/v1/visitors/" + honoured).status());
    } finally {
      client.send("PATCH", "/api/v1/portal", new JsonObject().put("honorGpc", false));
    }
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

  // HubSpot's tracker, run unmodified: what it sends without consent, and around consent

  @Test
  void hubSpotsCookielessPageViewWithAThrowawayTokenIsCountedNotStored() {
    String throwaway = utk();
    long before = untracked("cookieless");
    beacon(HUBSPOT_PAGE + "&vi=" + throwaway + "&nc=true&ce=false&pt=1&cc=1");
    assertEquals(404, client.get("/api/v1/visitors/" + throwaway).status());
    assertEquals(before + 1, untracked("cookieless"));
  }

  @Test
  void aCookielessPageViewIsNotStoredEvenWhenThePortalRequiresConsent() {
    client.send("PATCH", "/api/v1/portal", new JsonObject().put("requireConsent", true));
    try {
      String throwaway = utk();
      beacon(HUBSPOT_PAGE + "&vi=" + throwaway + "&nc=true&ce=false&pt=1&cc=1");
      assertEquals(404, client.get("/api/v1/visitors/" + throwaway).status());
    } finally {
      client.send("PATCH", "/api/v1/portal", new JsonObject().put("requireConsent", false));
    }
  }

  @Test
  void anIdentifyRidingOnACookielessHitIsNotApplied() {
    beacon(HUBSPOT_PAGE + "&vi=" + utk() + "&nc=true&ce=false&pt=1&cc=1&i="
        + enc(identity("cookieless@example.com", "Nobody")));
    assertEquals(404, client.get("/crm/v3/objects/contacts/" + enc("cookieless@example.com")
        + "?idProperty=email").status());
  }

  @Test
  void consentHitsAreRecordedAndADeclinedVisitorsLaterHitsAreNotTracked() {
    String utk = utk();
    pageView(utk, "https://site.example/", "", T0, "");
    beacon("/__ptq.gif?k=29&a=1&vi=" + utk + "&ce=false&pt=1&cc=1");
    assertEquals("declined", visitor(utk).getString("consent"));
    long before = untracked("declined");
    pageView(utk, "https://site.example/after-decline", "", T0, identity("declined@example.com", ""));
    assertEquals(1, visitor(utk).getLong("numPageViews"));
    assertEquals(before + 1, untracked("declined"));
    assertEquals(404, client.get("/crm/v3/objects/contacts/" + enc("declined@example.com")
        + "?idProperty=email").status());
    beacon("/__ptq.gif?k=28&a=1&vi=" + utk + "&cc=15");
    pageView(utk, "https://site.example/after-consent", "", T0, "");
    assertEquals("given", visitor(utk).getString("consent"));
    assertEquals(2, visitor(utk).getLong("numPageViews"));
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
  void aVisitorResetUntiesTheTokenFromItsContact() {
    String utk = utk();
    pageView(utk, "https://site.example/account", "", T0, identity("logged-out@example.com", ""));
    beacon(HUBSPOT_PAGE + "&vi=" + utk + "&rv=1&b=" + DOMAIN_HASH + ".1." + (T0 + 3_600_000));
    assertEquals("1", contact("logged-out@example.com").getString("hs_analytics_num_page_views"));
    JsonObject visitor = visitor(utk);
    assertEquals(null, visitor.getString("contactId"));
    assertEquals(1, visitor.getLong("numPageViews"));
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

  @Test
  void behaviouralEventBeaconsKeepOnlyDeclaredPropertiesAsTheEventsApiDoes() {
    defineBehaviouralEvent("plan_chosen", "plan");
    String utk = utk();
    pageView(utk, "https://site.example/", "", T0, identity("declared@example.com", ""));
    beacon("/__ptbe.gif?a=1&vi=" + utk + "&n=pe1_plan_chosen&_plan=pro&_undeclared=x");
    JsonObject properties = timeline("declared@example.com").stream().map(JsonObject.class::cast)
        .filter(e -> "pe1_plan_chosen".equals(e.getString("eventName"))).findFirst().orElseThrow()
        .getJsonObject("properties");
    assertEquals("pro", properties.getString("plan"));
    assertEquals(null, properties.getString("undeclared"));
    assertTrue(client.get("/api/v1/rejections?limit=1000").body().contains("declares no property undeclared"));
  }

  /** A page view as HubSpot's tracker sends it, without the visitor's parameters. */
  private static final String HUBSPOT_PAGE = "/__ptq.gif?k=1&sd=1920x1080&cd=24-bit&cs=UTF-8&ln=en-us&v=1.1&a=1"
      + "&pu=https%3A%2F%2Fsite.example%2Fpricing&t=Pricing";

  private static void defineBehaviouralEvent(String name, String property) {
    SpoorClient.Answer created = client.send("POST", "/events/v3/event-definitions", new JsonObject()
        .put("label", name).put("name", name).put("primaryObject", "CONTACT")
        .put("propertyDefinitions", new JsonArray().add(new JsonObject().put("name", property)
            .put("label", property).put("type", "string"))));
    assertEquals(201, created.status(), created.body());
  }

  private static JsonArray timeline(String email) {
    return client.get("/api/v1/contacts/" + enc(email) + "/timeline?idProperty=email").json()
        .getJsonArray("results");
  }

  private static long untracked(String why) {
    String metrics = new String(client.raw("/metrics", Map.of()).body(), StandardCharsets.UTF_8);
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("spoor_untracked_hits_total\\{why=\"" + why + "\"\\} ([0-9.eE+]+)").matcher(metrics);
    return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
  }

  private static void pageView(String utk, String url, String referrer, long sessionStart, String identity) {
    String query = "/__ptq.gif?k=1&a=1&v=1.1&vi=" + utk + "&pu=" + enc(url) + "&r=" + enc(referrer)
        + "&t=Page&b=" + DOMAIN_HASH + ".1." + sessionStart + "&cts=" + sessionStart
        + (identity.isEmpty() ? "" : "&i=" + enc(identity));
    assertEquals(200, beacon(query).statusCode());
  }

  private static final String DOMAIN_HASH = "9267242";

  private static HttpResponse<byte[]> beacon(String pathAndQuery) {
    return client.raw(pathAndQuery, Map.of("User-Agent", BROWSER));
  }

  private static String identity(String email, String firstname) {
    return "email=" + enc(email) + (firstname.isEmpty() ? "" : "&firstname=" + enc(firstname));
  }

  private static JsonObject visitor(String utk) {
    SpoorClient.Answer answer = client.get("/api/v1/visitors/" + utk);
    assertEquals(200, answer.status(), answer.body());
    return answer.json();
  }

  private static JsonObject contact(String email) {
    SpoorClient.Answer answer = client.get("/crm/v3/objects/contacts/" + enc(email) + "?idProperty=email"
        + "&properties=firstname,hs_analytics_num_page_views,hs_analytics_num_visits,hs_analytics_first_url,"
        + "hs_analytics_first_referrer,hs_analytics_source,hs_analytics_num_event_completions,hs_analytics_revenue");
    assertEquals(200, answer.status(), answer.body());
    return answer.json().getJsonObject("properties");
  }

  private static String contactId(String email) {
    return client.get("/crm/v3/objects/contacts/" + enc(email) + "?idProperty=email").json().getString("id");
  }

  private static String utk() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return String.format("%016x%016x", r.nextLong(), r.nextLong());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

}
