package io.spoor.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What beacons are counted but not tracked: bots, cookieless hits, privacy signals and declined
 * consent.
 */
class BeaconPrivacyTest extends BeaconFixture {
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
}
