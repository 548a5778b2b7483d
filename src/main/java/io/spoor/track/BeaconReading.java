package io.spoor.track;

import io.spoor.http.QueryString;

import io.spoor.identity.PageView;
import io.spoor.identity.SessionCookie;
import io.spoor.identity.VisitorCookie;
import io.spoor.ingest.BeaconHit;
import io.spoor.http.Param;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a beacon's parameters say, read the way HubSpot's tracker writes them. */
final class BeaconReading {
  /** How far behind the receive time a client's clock ({@code cts}) may be and still be believed. */
  static final Duration CLIENT_TIME_BEHIND = Duration.ofMinutes(5);
  /** How far ahead of the receive time a client's clock may be and still be believed. */
  static final Duration CLIENT_TIME_AHEAD = Duration.ofMinutes(1);

  private final BeaconHit hit;

  BeaconReading(BeaconHit hit) {
    this.hit = hit;
  }

  /** The visitor token, when the beacon carries a well-formed one (cookieless hits do not). */
  Optional<String> utk() {
    return hit.param(TrackerParams.UTK).map(String::trim).filter(VisitorCookie::isUtk)
        .map(u -> u.toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * Whether the hit was sent without cookies ({@code ce=false}): before consent, after a decline,
   * or with no banner at all. Its {@code vi}, if any, is a throwaway token.
   */
  boolean cookieless() {
    return "false".equalsIgnoreCase(hit.param(TrackerParams.COOKIES_ENABLED).map(String::trim).orElse(""));
  }

  /** Whether the tracker reset its visitor ({@code rv=1}, after {@code resetVisitor}). */
  boolean visitorReset() {
    String reset = hit.param(TrackerParams.RESET_VISITOR).map(String::trim).orElse("");
    return reset.equals("1") || reset.equalsIgnoreCase("true");
  }

  /**
   * When the hit happened: the client's time ({@code cts}) when it is plausible, that is from
   * {@link #CLIENT_TIME_BEHIND} before the receive time to {@link #CLIENT_TIME_AHEAD} after it;
   * otherwise the receive time.
   */
  long at() {
    long received = hit.receivedAt();
    return hit.param(TrackerParams.CLIENT_TS).map(String::trim).flatMap(BeaconReading::epochMillis)
        .filter(cts -> cts >= received - CLIENT_TIME_BEHIND.toMillis()
            && cts <= received + CLIENT_TIME_AHEAD.toMillis())
        .orElse(received);
  }

  /** The page view this beacon reports for a visitor. */
  PageView pageView(String utk) {
    Optional<Long> cookieStart = cookieSessionStart();
    long at = at();
    return new PageView(hit.hubId(), utk, Optional.empty(), hit.id(), at, cookieStart.orElse(at),
        text(TrackerParams.PAGE_URL), path(), text(TrackerParams.TITLE), referrer(),
        bounded(TrackerParams.CONTENT_TYPE, 64), canonicalUrl(), bounded(TrackerParams.PAGE_ID, 64),
        cookieStart.isEmpty(), visitorSince(utk, at));
  }

  /**
   * When the visitor was first seen: for a returning visitor ({@code nc=false}) whose
   * {@code __hstc} names the same token, the cookie's first visit when it is not after the hit;
   * otherwise the hit's time. A new visitor ({@code nc=true}) starts at the hit.
   */
  private long visitorSince(String utk, long at) {
    if (!"false".equals(hit.param(TrackerParams.NEW_VISITOR).map(String::trim).orElse(""))) {
      return at;
    }
    return hit.param(TrackerParams.VISITOR_COOKIE).flatMap(VisitorCookie::parse)
        .filter(c -> c.utk().equalsIgnoreCase(utk) && c.initialTs() > 0 && c.initialTs() <= at)
        .map(VisitorCookie::initialTs).orElse(at);
  }

  /** The canonical URL set by {@code setCanonicalUrl} ({@code ccu}), else the page's own link ({@code rcu}). */
  private String canonicalUrl() {
    String set = text(TrackerParams.CANONICAL_URL);
    return set.isEmpty() ? text(TrackerParams.PAGE_CANONICAL_URL) : set;
  }

  /**
   * The referrer: after a single-page app's {@code setPath}, the previous path ({@code rpo}) on
   * the page's own origin; otherwise the document's referrer ({@code r}).
   */
  private String referrer() {
    String previous = text(TrackerParams.PREVIOUS_PATH);
    if (!previous.isEmpty()) {
      try {
        java.net.URI page = java.net.URI.create(text(TrackerParams.PAGE_URL));
        if (page.getScheme() != null && page.getRawAuthority() != null) {
          String referrer = page.getScheme() + "://" + page.getRawAuthority()
              + (previous.startsWith("/") ? "" : "/") + previous;
          return referrer.length() <= 2048 ? referrer : referrer.substring(0, 2048);
        }
      } catch (IllegalArgumentException e) {
        // no page URL to take the origin from: the document's referrer stands
      }
    }
    return text(TrackerParams.REFERRER);
  }

  /** The identity riding on the beacon: {@code i} is a query string, encoded once more. */
  List<Param> identity() {
    return hit.param(TrackerParams.IDENTITY).filter(i -> !i.isBlank())
        .map(i -> QueryString.parse(i).params()).orElse(List.of());
  }

  /** Identity parameters that could not be decoded. */
  List<String> malformedIdentity() {
    return hit.param(TrackerParams.IDENTITY).map(i -> QueryString.parse(i).malformed()).orElse(List.of());
  }

  /** Parameters sent with an event beyond the tracker's own ({@code _x} for behavioural events). */
  List<Param> eventProperties(boolean underscored) {
    List<Param> properties = new ArrayList<>();
    for (Param p : hit.params()) {
      if (underscored && p.name().startsWith("_") && p.name().length() > 1) {
        properties.add(new Param(p.name().substring(1), p.value()));
      }
    }
    return properties;
  }

  /** The session start from {@code __hssc}, else from {@code __hstc}; empty when the hit carries neither. */
  private Optional<Long> cookieSessionStart() {
    Optional<Long> fromSession = hit.param(TrackerParams.SESSION_COOKIE).flatMap(SessionCookie::parse)
        .map(SessionCookie::sessionStartTs);
    return fromSession.or(() -> hit.param(TrackerParams.VISITOR_COOKIE).flatMap(VisitorCookie::parse)
        .map(VisitorCookie::currentTs));
  }

  private static Optional<Long> epochMillis(String value) {
    if (value.isEmpty() || value.length() > 15 || !value.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(value));
  }

  private String path() {
    String setPath = text(TrackerParams.PATH);
    if (!setPath.isEmpty()) {
      return setPath;
    }
    return pathOf(text(TrackerParams.PAGE_URL));
  }

  /**
   * The path of a page URL as sent: after the scheme and host, up to the query or fragment. Read
   * by hand rather than by {@link java.net.URI}, which refuses a {@code "}, a space or a
   * {@code <} that a page's address may hold as sent, and whose path would then be lost.
   */
  static String pathOf(String url) {
    java.util.regex.Matcher origin = ORIGIN.matcher(url);
    String rest = origin.lookingAt() ? url.substring(origin.end()) : url;
    int end = rest.length();
    for (int i = 0; i < rest.length(); i++) {
      if (rest.charAt(i) == '?' || rest.charAt(i) == '#') {
        end = i;
        break;
      }
    }
    String p = rest.substring(0, end);
    return p.startsWith("/") ? p : "/";
  }

  private static final java.util.regex.Pattern ORIGIN = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*");

  String text(String name) {
    return bounded(name, 2048);
  }

  private String bounded(String name, int max) {
    String value = hit.param(name).orElse("");
    return value.length() <= max ? value : value.substring(0, max);
  }
}
