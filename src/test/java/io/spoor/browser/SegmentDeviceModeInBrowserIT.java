package io.spoor.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Segment's HubSpot device-mode integration in a real browser: it loads the tracker from
 * {@code /analytics/{cacheBuster}/{hubId}.js} and pushes {@code identify}, the three-element
 * {@code trackEvent} and {@code trackPageView}; each lands on the contact.
 */
class SegmentDeviceModeInBrowserIT extends TrackerInBrowser {
  @Test
  void identifyTrackEventAndTrackPageViewAsSegmentPushesThemLandOnTheContact() {
    Browser browser = desktop();
    browser.open(site.publish("/segment.html", "segment.html",
        Map.of("title", "Segment", "email", "segment@example.com", "firstname", "Sam")));
    browser.awaitCookie("hubspotutk");
    awaitContact("segment@example.com", p -> number(p, "hs_analytics_num_event_completions").intValue() >= 1);

    browser.click("Pricing");
    awaitContact("segment@example.com", p -> pageViews(p) >= 2);
    server.awaitApplied();
    JsonObject p = contact("segment@example.com").orElseThrow().getJsonObject("properties");
    assertEquals("Sam", p.getString("firstname"), p.encode());
    assertEquals(2, pageViews(p), "the view on load and Segment's page() of /pricing: " + p.encode());
    assertEquals(0, new BigDecimal("7").compareTo(number(p, "hs_analytics_revenue")), p.encode());
    List<JsonObject> events = timeline("segment@example.com", "EVENT");
    assertEquals(1, events.size(), events.toString());
    assertEventValue("7", events, e -> "Played Video".equals(e.getString("eventName"))
        || "played_video".equals(e.getString("eventName")));
    assertTrue(timeline("segment@example.com", "PAGE_VIEW").stream()
        .anyMatch(e -> "/pricing".equals(e.getString("path"))), "Segment's page() of /pricing");
  }
}
