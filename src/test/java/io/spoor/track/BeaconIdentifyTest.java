package io.spoor.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Beacons that name a person: identify, shared browsers, racing hits, resets. */
class BeaconIdentifyTest extends BeaconFixture {
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
  void anEmailCollectingImplausiblyManyVisitorsIsFlagged() {
    for (int i = 0; i <= BeaconApplier.PLAUSIBLE_VISITORS_PER_CONTACT; i++) {
      pageView(utk(), "https://site.example/", "", T0, identity("placeholder@example.com", ""));
    }
    assertTrue(client.get("/api/v1/rejections?limit=1000").body().contains("SUSPECTED_PLACEHOLDER_EMAIL"));
    assertEquals(String.valueOf(BeaconApplier.PLAUSIBLE_VISITORS_PER_CONTACT + 1),
        contact("placeholder@example.com").getString("hs_analytics_num_page_views"));
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
}
