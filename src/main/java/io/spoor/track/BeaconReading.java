package io.spoor.track;

import io.spoor.http.QueryString;

import io.spoor.identity.PageView;
import io.spoor.identity.SessionCookie;
import io.spoor.identity.VisitorCookie;
import io.spoor.ingest.BeaconHit;
import io.spoor.ingest.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a beacon's parameters say, read the way HubSpot's tracker writes them. */
final class BeaconReading {
  private final BeaconHit hit;

  BeaconReading(BeaconHit hit) {
    this.hit = hit;
  }

  /** The visitor token, when the beacon carries a well-formed one (cookieless hits do not). */
  Optional<String> utk() {
    return hit.param(TrackerParams.UTK).map(String::trim).filter(VisitorCookie::isUtk)
        .map(u -> u.toLowerCase(java.util.Locale.ROOT));
  }

  /** The page view this beacon reports for a visitor. */
  PageView pageView(String utk) {
    return new PageView(hit.hubId(), utk, Optional.empty(), hit.id(), hit.receivedAt(), sessionStart(),
        text(TrackerParams.PAGE_URL), path(), text(TrackerParams.TITLE), text(TrackerParams.REFERRER),
        bounded(TrackerParams.CONTENT_TYPE, 64), text(TrackerParams.CANONICAL_URL),
        bounded(TrackerParams.PAGE_ID, 64));
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

  /** The session start from {@code __hssc}, else from {@code __hstc}, else the hit's time. */
  private long sessionStart() {
    Optional<Long> fromSession = hit.param(TrackerParams.SESSION_COOKIE).flatMap(SessionCookie::parse)
        .map(SessionCookie::sessionStartTs);
    return fromSession.orElseGet(() -> hit.param(TrackerParams.VISITOR_COOKIE).flatMap(VisitorCookie::parse)
        .map(VisitorCookie::currentTs).orElse(hit.receivedAt()));
  }

  private String path() {
    String setPath = text(TrackerParams.PATH);
    if (!setPath.isEmpty()) {
      return setPath;
    }
    String url = text(TrackerParams.PAGE_URL);
    try {
      String p = java.net.URI.create(url).getRawPath();
      return p == null || p.isEmpty() ? "/" : p;
    } catch (IllegalArgumentException e) {
      return "/";
    }
  }

  String text(String name) {
    return bounded(name, 2048);
  }

  private String bounded(String name, int max) {
    String value = hit.param(name).orElse("");
    return value.length() <= max ? value : value.substring(0, max);
  }
}
