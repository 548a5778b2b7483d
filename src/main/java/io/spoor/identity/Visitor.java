package io.spoor.identity;

import java.util.Optional;
import java.util.Set;

/**
 * A browser known by its visitor token (utk): its visit counts, where it first came from, and
 * the contact it is attributed to once identified. {@code sessionAssumed} says its current
 * session began with a hit that carried no session cookie, so {@code lastSessionStart} is that
 * hit's time rather than the browser's.
 */
public record Visitor(long portalId, String utk, Optional<Long> contactId, long firstSeen, long lastSeen,
    long numPageViews, long numVisits, long lastSessionStart, String firstUrl, String firstReferrer,
    String lastUrl, Source source, String consent, boolean sessionAssumed) {

  /** Consent decisions after which the visitor's hits are not tracked, until it consents again. */
  private static final Set<String> REFUSED = Set.of("declined", "revoked");

  /**
   * A visitor seen for the first time, on its first page; first seen when its cookie says, if
   * that is earlier (a returning visitor whose earlier visits Spoor did not see).
   */
  static Visitor first(PageView page, Source source) {
    return new Visitor(page.portalId(), page.utk(), Optional.empty(), Math.min(page.visitorSince(), page.at()),
        page.at(), 0, 0, 0, page.url(), page.referrer(), page.url(), source, "unknown", false);
  }

  /** Whether the visitor's last consent decision was a decline or a revocation. */
  public boolean refusedConsent() {
    return REFUSED.contains(consent);
  }

  /**
   * The visitor afresh from {@code page}, as if first seen there, keeping its contact and consent,
   * and its first-seen time when it has one (created by an identify just before); a visitor whose
   * history was erased or reset has none and is first seen on this page.
   */
  Visitor restartedOn(PageView page, Source source) {
    Visitor first = first(page, source);
    long since = firstSeen > 0 ? Math.min(firstSeen, page.at()) : page.at();
    return new Visitor(portalId, utk, contactId, since, first.lastSeen, 0, 0, 0, first.firstUrl,
        first.firstReferrer, first.lastUrl, source, consent, false);
  }

  /** The visitor with no history and no contact, keeping its consent: its next page view starts it afresh. */
  Visitor reset() {
    return new Visitor(portalId, utk, Optional.empty(), 0, 0, 0, 0, 0, "", "", "",
        new Source(SourceType.DIRECT_TRAFFIC, null, null), consent, false);
  }

  /**
   * The visitor after one more page view; a new session start counts a new visit. A page view
   * with no session cookie continues the session when it comes within the session timeout of
   * the last hit. A session that began without a cookie takes the start the cookie brings when
   * the cookie arrives within the timeout and its start is within the timeout of the assumed one.
   */
  Visitor viewed(PageView page) {
    boolean live = numPageViews > 0 && TrackingCookies.sameSession(lastSeen, page.at());
    boolean sameSession;
    long sessionStart = page.sessionStart();
    boolean assumed = false;
    if (page.sessionAssumed()) {
      sameSession = live;
      sessionStart = live ? lastSessionStart : page.sessionStart();
      assumed = live ? sessionAssumed : true;
    } else if (sessionAssumed && live
        && Math.abs(page.sessionStart() - lastSessionStart) < TrackingCookies.SESSION_TIMEOUT.toMillis()) {
      sameSession = true;
    } else {
      sameSession = numPageViews > 0 && page.sessionStart() == lastSessionStart;
    }
    return new Visitor(portalId, utk, contactId, Math.min(firstSeen, page.at()), Math.max(lastSeen, page.at()),
        numPageViews + 1, numVisits + (sameSession ? 0 : 1), sessionStart, firstUrl, firstReferrer,
        page.at() >= lastSeen ? page.url() : lastUrl, source, consent, assumed);
  }

  Visitor attributedTo(long contact) {
    return new Visitor(portalId, utk, Optional.of(contact), firstSeen, lastSeen, numPageViews, numVisits,
        lastSessionStart, firstUrl, firstReferrer, lastUrl, source, consent, sessionAssumed);
  }

  Visitor withConsent(String decision) {
    return new Visitor(portalId, utk, contactId, firstSeen, lastSeen, numPageViews, numVisits,
        lastSessionStart, firstUrl, firstReferrer, lastUrl, source, decision, sessionAssumed);
  }
}
