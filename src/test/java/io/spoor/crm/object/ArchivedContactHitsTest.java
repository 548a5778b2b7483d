package io.spoor.crm.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.spoor.crm.ContactApi;
import io.spoor.crm.Tracking;
import io.spoor.testkit.SpoorPerClass;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An archived contact collects no more hits: its external ids and its visitors' tokens stop
 * standing for it, and are tied to whoever the next identification names.
 */
class ArchivedContactHitsTest extends SpoorPerClass {
  private static final long T0 = 1_783_669_943_308L;
  private static final String EVENTS = "hs_analytics_num_event_completions";
  private static Tracking hits;

  @BeforeAll
  static void tracking() {
    hits = new Tracking(server);
  }

  @Test
  void anExternalIdOfAnArchivedContactCountsAsNeverSeenUntilLinkedAgain() {
    hits.event("_n=archived_event&email=ext-owner@archive.example&id=ext-archived");
    long archived = id("ext-owner@archive.example");
    archive(archived);

    hits.event("_n=archived_event&id=ext-archived");
    assertEquals(1, hits.rejections("UNKNOWN_EXTERNAL_ID", "ext-archived").size());
    assertEquals(1, hits.stored("SELECT COUNT(*) FROM event_completion WHERE contact_id = ?", archived));
    assertEquals(1, hits.stored("SELECT num_event_completions FROM crm_object WHERE id = ?", archived));

    hits.event("_n=archived_event&email=ext-next@archive.example&id=ext-archived");
    hits.event("_n=archived_event&id=ext-archived");
    assertEquals("2", hits.contact("ext-next@archive.example", EVENTS).getJsonObject("properties").getString(EVENTS));
    assertEquals(1, hits.stored("SELECT COUNT(*) FROM event_completion WHERE contact_id = ?", archived));
  }

  @Test
  void aVisitorOfAnArchivedContactIsUnidentifiedUntilItIdentifiesAgain() {
    String utk = Tracking.utk();
    hits.pageView(utk, "https://site.example/before", T0, "visitor-owner@archive.example");
    long archived = id("visitor-owner@archive.example");
    archive(archived);

    hits.pageView(utk, "https://site.example/after-archive", T0, "");
    hits.trackEvent(utk, "archived_visitor_event");
    assertEquals(1, hits.stored("SELECT num_page_views FROM crm_object WHERE id = ?", archived));
    assertEquals(1, hits.stored("SELECT COUNT(*) FROM page_view WHERE contact_id = ?", archived));
    assertEquals(1, hits.stored("SELECT COUNT(*) FROM page_view WHERE utk = ? AND contact_id IS NULL", utk));
    assertEquals(0, hits.stored("SELECT COUNT(*) FROM event_completion WHERE contact_id = ?", archived));

    hits.pageView(utk, "https://site.example/back", T0, "visitor-owner@archive.example");
    long again = id("visitor-owner@archive.example");
    assertNotEquals(archived, again);
    assertEquals(Long.toString(again), hits.visitor(utk).getString("contactId"));
    hits.pageView(utk, "https://site.example/next", T0, "");
    assertEquals("2", hits.contact("visitor-owner@archive.example", "hs_analytics_num_page_views")
        .getJsonObject("properties").getString("hs_analytics_num_page_views"));
    assertEquals(1, hits.stored("SELECT num_page_views FROM crm_object WHERE id = ?", archived));
  }

  @Test
  void aVisitorOfALiveContactStillCountsForIt() {
    String utk = Tracking.utk();
    hits.pageView(utk, "https://site.example/one", T0, "live@archive.example");
    hits.pageView(utk, "https://site.example/two", T0, "");
    hits.trackEvent(utk, "live_visitor_event");
    hits.event("_n=live_event&email=live@archive.example&id=ext-live");
    hits.event("_n=live_event&id=ext-live");
    var p = hits.contact("live@archive.example", "hs_analytics_num_page_views," + EVENTS).getJsonObject("properties");
    assertEquals("2", p.getString("hs_analytics_num_page_views"));
    assertEquals("3", p.getString(EVENTS));
  }

  private static long id(String email) {
    return Long.parseLong(hits.contact(email, "email").getString("id"));
  }

  private static void archive(long id) {
    assertEquals(204, client.delete(ContactApi.PATH + "/" + id).status());
  }
}
