package io.spoor.bench.scale;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The busy contacts' browsing: each from one visitor, page views five to a visit spread over the
 * events' half year, written as {@code page_view} rows and the {@code visitor} row the tracking
 * code keeps (direct traffic, consent unknown).
 */
final class Visits {
  static final String SOURCE = "DIRECT_TRAFFIC";
  private static final int PAGE_VIEWS_PER_VISIT = 5;
  private static final String[] PAGES = {"https://www.example.com/", "https://www.example.com/pricing?plan=team",
      "https://www.example.com/blog/2024/how-we-ship-weekly", "https://www.example.com/docs/getting-started",
      "https://www.example.com/customers/acme-corporation"};

  private final long contacts;
  private final int busy;
  private final int pageViews;
  private final long from;
  private final long span;

  /** Page views of each busy contact from {@code from} over {@code span} ms. */
  Visits(long contacts, int busy, int pageViews, long from, long span) {
    this.contacts = contacts;
    this.busy = busy;
    this.pageViews = pageViews;
    this.from = from;
    this.span = span;
  }

  boolean isBusy(long id) {
    for (int k = 0; k < busy; k++) {
      if (ScaleData.busyContact(k, contacts, busy) == id) {
        return pageViews > 0;
      }
    }
    return false;
  }

  int pageViews() {
    return pageViews;
  }

  long visits() {
    return (pageViews + PAGE_VIEWS_PER_VISIT - 1) / PAGE_VIEWS_PER_VISIT;
  }

  long firstSeen() {
    return at(0);
  }

  String firstUrl() {
    return url(0);
  }

  String lastUrl() {
    return url(pageViews - 1);
  }

  void write(Connection db, Activity activity, HitIds hitIds) throws SQLException {
    if (pageViews == 0) {
      return;
    }
    try (Batches batches = new Batches(db)) {
      PreparedStatement view = batches.prepare("INSERT INTO page_view (portal_id, utk, contact_id, hit_id, "
          + "occurred_at, session_start, url, path, title, referrer, content_type, canonical_url, page_id) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', '', '')");
      PreparedStatement visitor = batches.prepare("INSERT INTO visitor (portal_id, utk, contact_id, first_seen, "
          + "last_seen, num_page_views, num_visits, last_session_start, first_url, first_referrer, last_url, source, "
          + "source_data_1, source_data_2, consent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, NULL, NULL, 'unknown')");
      for (int k = 0; k < busy; k++) {
        long contact = ScaleData.busyContact(k, contacts, busy);
        String utk = String.format("%016x%016x", ScaleData.mix(contact), ScaleData.mix(-contact));
        for (int p = 0; p < pageViews; p++) {
          String url = url(p);
          batches.add(view, ScaleData.PORTAL, utk, contact, hitIds.next(at(p)), at(p), sessionStart(p), url,
              url.replaceFirst("https://[^/]+", "").replaceFirst("\\?.*", ""), "Page " + (p % PAGES.length));
          activity.touch(contact, at(p));
        }
        batches.add(visitor, ScaleData.PORTAL, utk, contact, firstSeen(), at(pageViews - 1), pageViews, visits(),
            sessionStart(pageViews - 1), firstUrl(), lastUrl(), SOURCE);
      }
    }
  }

  private long at(int p) {
    return from + (long) p * span / pageViews + 7;
  }

  private long sessionStart(int p) {
    return at(p - p % PAGE_VIEWS_PER_VISIT);
  }

  private static String url(int p) {
    return PAGES[p % PAGES.length];
  }
}
