package io.spoor.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Do-not-track, the cookie consent banner and the bot filter, with a real browser. */
class TrackerPrivacyInBrowserIT extends TrackerInBrowser {
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
}
