package io.spoor.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Identify, single-page apps and custom events from a real browser, as the server attributes them to contacts. */
class TrackerIdentifyAndEventsInBrowserIT extends TrackerInBrowser {
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
}
