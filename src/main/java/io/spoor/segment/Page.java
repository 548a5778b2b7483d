package io.spoor.segment;

import io.spoor.http.Param;
import io.spoor.identity.VisitorCookie;
import io.spoor.ingest.Batch;
import io.spoor.ingest.BeaconHit;
import io.spoor.ingest.SegmentHit;
import io.spoor.portal.Portal;
import io.spoor.track.BeaconApplier;
import io.spoor.track.TrackerParams;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * page and screen → a page view by the tracking code's rules, at the event's time, with
 * {@code url}, {@code path}, {@code referrer} and {@code title} from {@code properties} (else
 * {@code context.page}; a screen's {@code name} is its title). The visitor is the HubSpot cookie's
 * ({@code hubspotutk} in {@code context} or {@code integrations.HubSpot}), and the message's ids are
 * tied to it, so later pages by the same anonymousId without the cookie reach the same visitor;
 * else the visitor its ids were tied to; else one of its own, made from the anonymousId (or the
 * userId). When the ids stand for a contact, the visitor is identified as that contact.
 */
final class Page implements Rule {
  private final Parts parts;
  private final BeaconApplier beacons;

  Page(Parts parts, BeaconApplier beacons) {
    this.parts = parts;
    this.beacons = beacons;
  }

  @Override
  public void apply(SegmentMessage message, SegmentHit hit, Portal portal, Batch batch) {
    String utk = visitor(message, portal.hubId(), hit.timestamp(), parts.segmentContacts(batch));
    List<Param> params = new ArrayList<>();
    params.add(new Param(TrackerParams.UTK, utk));
    params.add(new Param(TrackerParams.CLIENT_TS, Long.toString(hit.timestamp())));
    JsonObject properties = message.properties();
    JsonObject page = SegmentMessage.object(message.context(), ApiFields.PAGE);
    add(params, TrackerParams.PAGE_URL, field(properties, page, ApiFields.URL));
    add(params, TrackerParams.PATH, field(properties, page, ApiFields.PATH));
    add(params, TrackerParams.REFERRER, field(properties, page, ApiFields.REFERRER));
    add(params, TrackerParams.TITLE, field(properties, page, ApiFields.TITLE)
        .or(() -> SegmentMessage.text(message.json(), ApiFields.NAME)));
    SegmentContacts contacts = parts.segmentContacts(batch);
    contacts.of(portal.hubId(), message.ids()).flatMap(contacts::emailOf).ifPresent(email -> params.add(
        new Param(TrackerParams.IDENTITY, "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8))));
    // received "at" the event's time, so the tracker's clock rule takes it (cts) as the page's time;
    // a rejection keeps the real time
    batch.applyingAs(hit);
    beacons.apply(new BeaconHit(hit.id(), hit.hubId(), hit.timestamp(), BeaconHit.Kind.PAGE_VIEW, params, false,
        false, hit.rawParams()), portal, batch);
  }

  /**
   * The page visitors of these messages as they stand before the batch ties any, so that the
   * batch can look them all up at once (a visitor the batch ties first is looked up alone).
   */
  static Optional<String> likelyVisitor(SegmentMessage message, long portalId, SegmentContacts contacts) {
    return cookie(message).or(() -> Optional.of(visitor(message, portalId, contacts)));
  }

  /** The visitor token of the page; ties the message's ids to the HubSpot cookie's when it carries one. */
  private String visitor(SegmentMessage message, long portalId, long at, SegmentContacts contacts) {
    Optional<String> cookie = cookie(message);
    if (cookie.isPresent()) {
      contacts.tieVisitor(portalId, message.ids(), cookie.get(), at);
      return cookie.get();
    }
    return visitor(message, portalId, contacts);
  }

  /** HubSpot's cookie {@code hubspotutk} from {@code context}, else {@code integrations.HubSpot}. */
  private static Optional<String> cookie(SegmentMessage message) {
    return SegmentMessage.text(message.context(), ApiFields.HUBSPOTUTK)
        .or(() -> SegmentMessage.text(SegmentMessage.object(SegmentMessage.object(message.json(),
            ApiFields.INTEGRATIONS), ApiFields.HUBSPOT), ApiFields.HUBSPOTUTK))
        .filter(VisitorCookie::isUtk).map(u -> u.toLowerCase(Locale.ROOT));
  }

  /** The visitor the message's ids were tied to, else one of the anonymousId's (or userId's) own. */
  private static String visitor(SegmentMessage message, long portalId, SegmentContacts contacts) {
    for (String id : message.ids()) {
      Optional<String> tied = contacts.visitorOf(portalId, id);
      if (tied.isPresent()) {
        return tied.get();
      }
    }
    return ownVisitor(portalId, message.anonymousId().or(message::userId).orElseThrow());
  }

  /** A visitor token of the id's own, the same for every page of it: 32 hex digits of a hash. */
  static String ownVisitor(long portalId, String segmentId) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(("segment\u0000" + portalId + "\u0000" + segmentId).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  private static Optional<String> field(JsonObject properties, JsonObject page, String name) {
    return SegmentMessage.text(properties, name).or(() -> SegmentMessage.text(page, name));
  }

  private static void add(List<Param> params, String name, Optional<String> value) {
    value.ifPresent(v -> params.add(new Param(name, v)));
  }
}
