package io.spoor.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.identity.DomainHash;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

/** The tracker's cookies in a real browser, and the visits and sessions the server counts from them. */
class TrackerCookiesInBrowserIT extends TrackerInBrowser {
  @Test
  void aPageViewWritesHubSpotsCookiesAndTheServerCountsItForThatVisitor() {
    long before = System.currentTimeMillis();
    Browser browser = desktop();
    String url = site.publish("/first-visit.html", "plain.html", Map.of("title", "First visit"));
    browser.open(url);

    String utk = browser.awaitCookie("hubspotutk");
    long after = System.currentTimeMillis();
    assertTrue(UTK.matcher(utk).matches(), "hubspotutk is 32 lowercase hex digits: " + utk);
    String hash = Integer.toString(DomainHash.forHost("127.0.0.1", Optional.empty()));
    Matcher hstc = matching(HSTC, browser.cookieValue("__hstc"), "__hstc");
    assertEquals(hash, hstc.group(1), "__hstc starts with the domain hash");
    assertEquals(utk, hstc.group(2), "__hstc carries the visitor token");
    long initial = Long.parseLong(hstc.group(3));
    assertTrue(initial >= before && initial <= after, "first visit time " + initial + " is now");
    assertEquals(initial, Long.parseLong(hstc.group(4)), "previous visit of a first visit");
    assertEquals(initial, Long.parseLong(hstc.group(5)), "current visit of a first visit");
    assertEquals("1", hstc.group(6), "session number");
    Matcher hssc = matching(HSSC, browser.cookieValue("__hssc"), "__hssc");
    assertEquals(hash, hssc.group(1), "__hssc starts with the domain hash");
    assertEquals("1", hssc.group(2), "page views in this session");
    assertEquals(initial, Long.parseLong(hssc.group(3)), "session start");
    assertEquals(Optional.of("1"), browser.cookieValue("__hssrc"));

    Cookie utkCookie = browser.cookie("hubspotutk").orElseThrow();
    assertEquals("127.0.0.1", utkCookie.getDomain(), "a host-only cookie");
    assertEquals("/", utkCookie.getPath());
    assertEquals("Lax", utkCookie.getSameSite());
    assertFalse(utkCookie.isSecure(), "no Secure cookie on an http page");
    assertNotNull(utkCookie.getExpiry(), "hubspotutk outlives the browser session");
    assertTrue(utkCookie.getExpiry().toInstant().isAfter(Instant.now().plusSeconds(360L * 86_400)),
        "hubspotutk is kept for about 13 months: " + utkCookie.getExpiry());
    Cookie session = browser.cookie("__hssc").orElseThrow();
    assertTrue(session.getExpiry().toInstant().isBefore(Instant.now().plusSeconds(31 * 60)),
        "__hssc expires after 30 minutes: " + session.getExpiry());
    assertNull(browser.cookie("__hssrc").orElseThrow().getExpiry(), "__hssrc lasts the browser session");

    JsonObject visitor = awaitVisitor(utk, v -> v.getLong("numPageViews") >= 1);
    server.awaitApplied();
    visitor = visitor(utk).orElseThrow();
    assertEquals(1, visitor.getLong("numPageViews"), visitor.encode());
    assertEquals(1, visitor.getLong("numVisits"), visitor.encode());
    assertEquals(url, visitor.getString("firstUrl"));
    assertEquals("DIRECT_TRAFFIC", visitor.getString("source"));
    assertNull(visitor.getString("contactId"), "an anonymous visitor has no contact");
  }

  @Test
  void aBrowserRestartStartsTheSecondVisitOfTheSameVisitor() {
    Browser browser = desktop();
    browser.open(site.publish("/returning.html", "plain.html", Map.of("title", "Returning")));
    String utk = browser.awaitCookie("hubspotutk");
    Matcher first = matching(HSTC, browser.cookieValue("__hstc"), "__hstc");
    awaitVisitor(utk, v -> v.getLong("numPageViews") == 1);

    browser.deleteCookie("__hssrc"); // what a browser restart does to this session cookie
    browser.reload();
    Matcher second = matching(HSTC, browser.cookieValue("__hstc"), "__hstc");
    assertEquals(utk, second.group(2), "the same visitor");
    assertEquals(first.group(3), second.group(3), "first visit time is kept");
    assertEquals(first.group(5), second.group(4), "the previous visit is the first one");
    assertTrue(Long.parseLong(second.group(5)) > Long.parseLong(first.group(5)), "a new current visit");
    assertEquals("2", second.group(6), "session number");
    Matcher session = matching(HSSC, browser.cookieValue("__hssc"), "__hssc");
    assertEquals("1", session.group(2), "first page view of the new session");
    assertEquals(second.group(5), session.group(3), "the new session starts now");
    assertEquals(Optional.of("1"), browser.cookieValue("__hssrc"));

    awaitVisitor(utk, v -> v.getLong("numPageViews") >= 2);
    server.awaitApplied();
    JsonObject visitor = visitor(utk).orElseThrow();
    assertEquals(2, visitor.getLong("numPageViews"), visitor.encode());
    assertEquals(2, visitor.getLong("numVisits"), "two sessions are two visits: " + visitor.encode());
  }
}
