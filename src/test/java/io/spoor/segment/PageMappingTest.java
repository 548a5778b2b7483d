package io.spoor.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.identity.PageView;
import io.spoor.identity.Visitor;
import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** page and screen → page view: the reference's "page → page view" and the hubspotutk rule. */
@ExtendWith(TempStore.class)
class PageMappingTest {
  private static final long AT = SegmentFixture.NOW - 120_000;
  private static final String UTK = "0123456789abcdef0123456789abcdef";
  private SegmentFixture segment;

  @BeforeEach
  void open(Database db) {
    segment = new SegmentFixture(db);
    segment.apply("{\"type\":\"identify\",\"userId\":\"u1\",\"anonymousId\":\"anon-1\","
        + "\"traits\":{\"email\":\"a@example.com\"}}");
  }

  private Map<String, Visitor> visitors(String... utks) {
    return segment.db.read(() -> segment.visitors.find(SegmentFixture.HUB, List.of(utks)));
  }

  @Test
  void aPageIsAPageViewOfTheContactWithUrlPathReferrerAndTitleFromProperties() {
    segment.apply("{\"type\":\"page\",\"userId\":\"u1\",\"timestamp\":" + AT + ",\"properties\":{"
        + "\"url\":\"https://shop.example/pricing?x=1\",\"path\":\"/pricing\",\"referrer\":\"https://search.example/\","
        + "\"title\":\"Pricing\"}}");
    PageView view = segment.pageViews("a@example.com").get(0);
    assertEquals(List.of("https://shop.example/pricing?x=1", "/pricing", "https://search.example/", "Pricing"),
        List.of(view.url(), view.path(), view.referrer(), view.title()));
    assertEquals(AT, view.at());
    assertEquals(1, segment.contact("a@example.com").analytics().numPageViews());
  }

  @Test
  void contextPageStandsInForMissingProperties() {
    segment.apply("{\"type\":\"page\",\"userId\":\"u1\",\"context\":{\"page\":{\"url\":\"https://shop.example/a\","
        + "\"title\":\"A\"}}}");
    PageView view = segment.pageViews("a@example.com").get(0);
    assertEquals(List.of("https://shop.example/a", "A"), List.of(view.url(), view.title()));
  }

  @Test
  void aScreensNameIsItsTitle() {
    segment.apply("{\"type\":\"screen\",\"userId\":\"u1\",\"name\":\"Settings\"}");
    assertEquals("Settings", segment.pageViews("a@example.com").get(0).title());
  }

  @Test
  void aPageWithTheHubspotCookieCountsForThatVisitorAndTiesTheAnonymousIdToIt() {
    segment.apply("{\"type\":\"page\",\"anonymousId\":\"anon-2\",\"context\":{\"hubspotutk\":\"" + UTK + "\"},"
        + "\"properties\":{\"url\":\"https://shop.example/1\"}}");
    segment.apply("{\"type\":\"page\",\"anonymousId\":\"anon-2\",\"properties\":{\"url\":\"https://shop.example/2\"}}");
    assertEquals(2, visitors(UTK).get(UTK).numPageViews());
  }

  @Test
  void theHubspotCookieIsAlsoReadFromIntegrationsHubSpot() {
    segment.apply("{\"type\":\"page\",\"anonymousId\":\"anon-3\",\"integrations\":{\"HubSpot\":{\"hubspotutk\":\""
        + UTK + "\"}},\"properties\":{\"url\":\"https://shop.example/1\"}}");
    assertEquals(1, visitors(UTK).get(UTK).numPageViews());
  }

  @Test
  void anAnonymousIdWithoutTheCookieHasAVisitorOfItsOwn() {
    segment.apply("{\"type\":\"page\",\"anonymousId\":\"anon-4\",\"properties\":{\"url\":\"https://shop.example/1\"}}",
        "{\"type\":\"page\",\"anonymousId\":\"anon-4\",\"properties\":{\"url\":\"https://shop.example/2\"}}");
    String own = Page.ownVisitor(SegmentFixture.HUB, "anon-4");
    assertEquals(2, visitors(own).get(own).numPageViews());
    assertNotEquals(own, Page.ownVisitor(SegmentFixture.HUB, "anon-5"));
  }

  @Test
  void aCookieVisitorOfAKnownUserIsIdentifiedAsTheContact() {
    segment.apply("{\"type\":\"page\",\"anonymousId\":\"anon-1\",\"context\":{\"hubspotutk\":\"" + UTK + "\"},"
        + "\"properties\":{\"url\":\"https://shop.example/1\"}}");
    long contact = segment.contact("a@example.com").id();
    assertTrue(visitors(UTK).get(UTK).contactId().filter(id -> id == contact).isPresent());
  }
}
