package io.spoor.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.crm.ContactApi;
import io.spoor.crm.Tracking;
import io.spoor.dashboard.Role;
import io.spoor.testkit.Requirements;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's contacts, companies and event definitions in Chromium: walk the list with a
 * filter, open a record, change a property and see it stored, read the timeline, create an app
 * event and delete one, with script payloads in property values, event names and page titles
 * that must show as text and never run.
 */
class ContactRecordsInBrowserIT {
  private static final String PASSWORD = "a long browser password";
  private static final String SCRIPT = "<script>window.__xss='script'</script>";
  private static final String IMG = "\"><img src=x onerror=\"window.__xss='img'\">";
  private static final String EMAIL = "xss-person@records.example";
  private static final String BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
      + "(KHTML, like Gecko) Chrome/126.0 Safari/537.36";

  @Test
  void aPersonWalksContactsOpensARecordEditsItReadsTheTimelineAndManagesEvents() {
    requireChromium();
    try (RunningSpoor server = RunningSpoor.start(); Browser browser = Browser.desktop()) {
      server.spoor().accounts().create(RunningSpoor.HUB_ID, "owner@example.com", Role.ADMIN, PASSWORD);
      String contact = seed(server);
      String base = "http://127.0.0.1:" + server.spoor().port();
      signIn(browser, base + "/");
      browser.awaitShown("#user-email");

      browser.awaitShown("nav a[href='#/contacts']").click();
      browser.awaitUntil("four contacts listed", b -> rows(b, "#contacts-table") == 4);
      browser.screenshot("contacts-list");
      browser.click("Add filter");
      choose(browser, "Filter 1 property", "lastname");
      choose(browser, "Filter 1 operator", "EQ");
      browser.fill("Filter 1 value", "Lister");
      browser.click("Apply filters");
      browser.awaitUntil("the filter keeps the two Listers", b -> rows(b, "#contacts-table") == 2);
      browser.screenshot("contacts-filtered");
      browser.click("Remove filter 1");
      browser.click("Apply filters");
      browser.awaitUntil("all four again", b -> rows(b, "#contacts-table") == 4);

      browser.awaitShown("#contacts-table a[href='#/contacts/" + contact + "']").click();
      assertEquals(SCRIPT + " " + IMG, browser.awaitShown("#record-title").getText());
      browser.awaitUntil("the timeline's visit and event", b -> b.awaitShown("#timeline").getText().contains("Visit")
          && b.awaitShown("#timeline").getText().contains(IMG));
      assertTrue(browser.awaitShown("#timeline").getText().contains("Identified"));
      assertEquals("2", browser.awaitShown("#page-views").getText());
      assertEquals("19.99", browser.awaitShown("#revenue").getText());
      browser.screenshot("contact-record");
      browser.script("document.getElementById('timeline-title').scrollIntoView()");
      browser.screenshot("contact-timeline");

      browser.awaitShown(".empty-props summary").click();
      org.openqa.selenium.WebElement job = browser.awaitShown("#prop-jobtitle");
      job.clear();
      job.sendKeys("Chief <b>Tester</b>");
      assertEquals("select", tag(browser, "#prop-lifecyclestage"));
      assertEquals("select", tag(browser, "#prop-newsletter"));
      assertEquals("date", type(browser, "#prop-renewal_day"));
      assertEquals("number", type(browser, "#prop-total_revenue"));
      assertEquals("datetime-local", type(browser, "#prop-closedate"));
      set(browser, "#prop-lifecyclestage", "customer");
      set(browser, "#prop-newsletter", "true");
      set(browser, "#prop-renewal_day", "2026-05-01");
      set(browser, "#prop-total_revenue", "1200.5");
      browser.click("Save changes");
      browser.awaitUntil("the change saved", b -> b.awaitShown("#save-status").getText().startsWith("Saved 5"));
      SpoorClient api = server.client();
      JsonObject stored = api.get(ContactApi.PATH + "/" + contact
          + "?properties=jobtitle,lifecyclestage,newsletter,renewal_day,total_revenue").json().getJsonObject("properties");
      assertEquals("Chief <b>Tester</b>", stored.getString("jobtitle"));
      assertEquals("customer", stored.getString("lifecyclestage"));
      assertEquals("true", stored.getString("newsletter"));
      assertEquals("2026-05-01", stored.getString("renewal_day"));
      assertEquals("1200.5", stored.getString("total_revenue"));
      browser.resize(390, 844);
      browser.script("window.scrollTo(0, 0)");
      browser.screenshot("contact-record-phone");
      browser.resize(1280, 900);

      browser.awaitShown("#linked a").click();
      browser.awaitUntil("the company lists its contact", b -> b.awaitShown("#linked").getText().contains(SCRIPT));
      browser.screenshot("company-record");
      browser.awaitShown("nav a[href='#/companies']").click();
      browser.awaitUntil("one company listed", b -> rows(b, "#companies-table") == 1);
      browser.screenshot("companies-list");

      browser.awaitShown("nav a[href='#/event-definitions']").click();
      browser.awaitUntil("the event named by a hit", b -> b.awaitShown("#definitions").getText().contains(IMG));
      browser.screenshot("event-definitions");
      browser.fill("Event name", "Signed up in the app");
      browser.click("Create app event");
      String id = browser.awaitShown("#created-id").getText();
      assertEquals("_hsq.push(['trackEvent', {id: '" + id + "'}]);", browser.awaitShown("#created-snippet").getText());
      assertTrue(browser.awaitShown("#created-url").getText().endsWith("/v1/event?_a=1&_n=" + id
          + "&email=ada%40example.com"));
      browser.awaitUntil("the new event listed", b -> b.awaitShown("#definitions").getText()
          .contains("Signed up in the app"));
      browser.screenshot("event-definitions-created");
      browser.click("Delete for good: hits naming it will never create it again (" + IMG + ")");
      browser.awaitUntil("the deleted event gone", b -> !b.awaitShown("#definitions").getText().contains(IMG));
      browser.screenshot("event-definitions-after-delete");

      server.spoor().accounts().create(RunningSpoor.HUB_ID, "viewer@example.com", Role.VIEWER, PASSWORD);
      browser.click("Sign out");
      browser.fill("Email", "viewer@example.com");
      browser.fill("Password", PASSWORD);
      browser.click("Sign in");
      browser.awaitShown("#user-email");
      browser.visit(base + "/#/contacts/" + contact);
      assertEquals("Chief <b>Tester</b>", browser.awaitShown("#prop-jobtitle").getText());
      assertTrue(browser.byRole("button", "Save changes").isEmpty(), "a viewer edits nothing");
      browser.visit(base + "/#/event-definitions");
      browser.awaitUntil("the list", b -> b.awaitShown("#definitions").getText().contains("Signed up in the app"));
      assertTrue(browser.byRole("button", "Create app event").isEmpty(), "a viewer creates nothing");
      assertEquals(0L, browser.script("return document.querySelectorAll('#definitions button').length"));

      assertEquals(null, browser.script("return window.__xss === undefined ? null : window.__xss"));
      assertEquals(0L, browser.script("return document.querySelectorAll('#app img, #app script').length"));
    }
  }

  @Test
  void aContactListsSearchFiltersSortAndPageAreInTheAddressSoTheViewOpensAgainAndBackAndForwardWalkIt() {
    requireChromium();
    try (RunningSpoor server = RunningSpoor.start(); Browser browser = Browser.desktop()) {
      server.spoor().accounts().create(RunningSpoor.HUB_ID, "owner@example.com", Role.ADMIN, PASSWORD);
      seed(server);
      String base = "http://127.0.0.1:" + server.spoor().port();
      signIn(browser, base + "/#/contacts");
      browser.awaitUntil("four contacts listed", b -> rows(b, "#contacts-table") == 4);
      browser.click("Add filter");
      choose(browser, "Filter 1 property", "lastname");
      choose(browser, "Filter 1 operator", "EQ");
      browser.fill("Filter 1 value", "Lister");
      browser.click("Apply filters");
      browser.awaitUntil("the two Listers", b -> rows(b, "#contacts-table") == 2);
      browser.awaitShown("#contacts-table th[aria-sort] button").click();
      browser.awaitUntil("sorted by name, A to Z", b -> "ascending".equals(b.awaitShown(
          "#contacts-table th:first-child").getAttribute("aria-sort")));
      browser.awaitShown("#contacts-table th:first-child button").click();
      browser.awaitUntil("sorted by name, Z to A", b -> "descending".equals(b.awaitShown(
          "#contacts-table th:first-child").getAttribute("aria-sort")));
      String shared = browser.url();
      assertTrue(shared.contains("filters=") && shared.contains("Lister") && shared.contains("sort=lastname%3ADESCENDING"),
          shared);

      try (Browser other = Browser.desktop()) {
        signIn(other, shared);
        other.awaitUntil("the shared view: the two Listers", b -> rows(b, "#contacts-table") == 2);
        assertEquals("Lister", other.awaitShown("input[aria-label='Filter 1 value']").getAttribute("value"));
        assertEquals("descending", other.awaitShown("#contacts-table th:first-child").getAttribute("aria-sort"));
      }

      browser.fill("Search contacts", "ada");
      browser.click("Search");
      browser.awaitUntil("one Lister named Ada", b -> rows(b, "#contacts-table") == 1);
      assertTrue(browser.url().contains("q=ada"), browser.url());
      browser.script("history.back()");
      browser.awaitUntil("back to both Listers, no search", b -> rows(b, "#contacts-table") == 2
          && b.awaitShown("#record-search").getAttribute("value").isEmpty());
      browser.script("history.back()");
      browser.awaitUntil("back to A to Z", b -> "ascending".equals(b.awaitShown(
          "#contacts-table th:first-child").getAttribute("aria-sort")));
      browser.script("history.forward()");
      browser.script("history.forward()");
      browser.awaitUntil("forward to the search again", b -> rows(b, "#contacts-table") == 1
          && "ada".equals(b.awaitShown("#record-search").getAttribute("value")));
      browser.screenshot("contacts-list-from-address");
    }
  }

  private static void requireChromium() {
    Requirements.require(Browser.installed(), "Chromium and chromedriver (" + Browser.CHROMIUM + ", "
        + Browser.CHROMEDRIVER + ")");
  }

  /** Opens {@code url} and signs in there as the owner. */
  private static void signIn(Browser browser, String url) {
    browser.visit(url);
    browser.fill("Email", "owner@example.com");
    browser.fill("Password", PASSWORD);
    browser.click("Sign in");
  }

  /** Contacts (one with payloads in its name), a company, page views with a payload title, and an event named with one. */
  private static String seed(RunningSpoor server) {
    SpoorClient api = server.client();
    Tracking hits = new Tracking(server);
    String utk = Tracking.utk();
    long start = System.currentTimeMillis();
    for (String title : new String[] {SCRIPT, IMG}) {
      assertEquals(200, api.raw("/__ptq.gif?k=1&a=1&v=1.1&vi=" + utk + "&pu=" + Tracking.enc("https://site.example/"
          + title.length()) + "&r=" + Tracking.enc("https://www.google.com/") + "&t=" + Tracking.enc(title)
          + "&b=9267242.1." + start + "&cts=" + start + "&i=" + Tracking.enc("email=" + Tracking.enc(EMAIL)),
          Map.of("User-Agent", BROWSER_UA)).statusCode());
    }
    hits.event("_n=" + Tracking.enc(IMG) + "&email=" + Tracking.enc(EMAIL) + "&_m=19.99&note=" + Tracking.enc(SCRIPT));
    assertEquals(201, api.send("POST", "/crm/v3/properties/contacts", new JsonObject().put("name", "renewal_day")
        .put("label", "Renewal day").put("type", "date")).status());
    assertEquals(201, api.send("POST", "/crm/v3/properties/contacts", new JsonObject().put("name", "newsletter")
        .put("label", "Newsletter").put("type", "bool")).status());
    String contact = hits.contact(EMAIL, "email").getString("id");
    assertEquals(200, api.send("PATCH", ContactApi.PATH + "/" + contact, ContactApi.properties(Map.of(
        "firstname", SCRIPT, "lastname", IMG))).status());
    ContactApi.create(api, Map.of("email", "ada@list.example", "firstname", "Ada", "lastname", "Lister"));
    ContactApi.create(api, Map.of("email", "bo@list.example", "firstname", "Bo", "lastname", "Lister"));
    ContactApi.create(api, Map.of("email", "cy@other.example", "firstname", "Cy", "lastname", "Other"));
    String company = api.send("POST", "/crm/v3/objects/companies", new JsonObject().put("properties",
        new JsonObject().put("name", "Acme " + IMG).put("domain", "acme.example"))).json().getString("id");
    assertEquals(200, api.sendRaw("PUT", "/crm/v4/objects/contacts/" + contact + "/associations/default/companies/"
        + company, "application/json", "").status());
    return contact;
  }

  private static String tag(Browser browser, String css) {
    return browser.awaitShown(css).getTagName().toLowerCase(java.util.Locale.ROOT);
  }

  private static String type(Browser browser, String css) {
    return browser.awaitShown(css).getAttribute("type");
  }

  /** Sets a field's value as a person's picking would, and tells the page it changed. */
  private static void set(Browser browser, String css, String value) {
    browser.awaitShown(css);
    browser.script("const e = document.querySelector(\"" + css + "\"); e.value = '" + value + "';"
        + " e.dispatchEvent(new Event('input')); e.dispatchEvent(new Event('change'));");
  }

  private static long rows(Browser browser, String table) {
    return (Long) browser.script("return document.querySelectorAll(\"" + table + " tbody tr\").length");
  }

  /** Picks the option with this value in the select labelled {@code label}, as a person would. */
  private static void choose(Browser browser, String label, String value) {
    browser.awaitShown("select[aria-label='" + label + "']");
    browser.script("const s = document.querySelector(\"select[aria-label='" + label + "']\"); s.value = '" + value
        + "'; s.dispatchEvent(new Event('change'));");
  }
}
