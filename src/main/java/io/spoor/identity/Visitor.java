package io.spoor.identity;

import java.util.Optional;

/**
 * A browser known by its visitor token (utk): its visit counts, where it first came from, and
 * the contact it is attributed to once identified.
 */
public record Visitor(long portalId, String utk, Optional<Long> contactId, long firstSeen, long lastSeen,
    long numPageViews, long numVisits, long lastSessionStart, String firstUrl, String firstReferrer,
    String lastUrl, Source source, String consent) {

  /** A visitor seen for the first time, on its first page. */
  static Visitor first(PageView page, Source source) {
    return new Visitor(page.portalId(), page.utk(), Optional.empty(), page.at(), page.at(), 0, 0, 0,
        page.url(), page.referrer(), page.url(), source, "unknown");
  }

  /** The visitor afresh from {@code page}, as if first seen there, keeping its contact and consent. */
  Visitor restartedOn(PageView page, Source source) {
    Visitor first = first(page, source);
    return new Visitor(portalId, utk, contactId, first.firstSeen, first.lastSeen, 0, 0, 0, first.firstUrl,
        first.firstReferrer, first.lastUrl, source, consent);
  }

  /** The visitor after one more page view; a new session start counts a new visit. */
  Visitor viewed(PageView page) {
    boolean newSession = page.sessionStart() != lastSessionStart;
    return new Visitor(portalId, utk, contactId, Math.min(firstSeen, page.at()), Math.max(lastSeen, page.at()),
        numPageViews + 1, numVisits + (newSession ? 1 : 0), page.sessionStart(), firstUrl, firstReferrer,
        page.at() >= lastSeen ? page.url() : lastUrl, source, consent);
  }

  Visitor attributedTo(long contact) {
    return new Visitor(portalId, utk, Optional.of(contact), firstSeen, lastSeen, numPageViews, numVisits,
        lastSessionStart, firstUrl, firstReferrer, lastUrl, source, consent);
  }

  Visitor withConsent(String decision) {
    return new Visitor(portalId, utk, contactId, firstSeen, lastSeen, numPageViews, numVisits,
        lastSessionStart, firstUrl, firstReferrer, lastUrl, source, decision);
  }
}
