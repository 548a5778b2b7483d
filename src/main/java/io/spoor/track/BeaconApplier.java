package io.spoor.track;

import io.spoor.crm.Analytics;
import io.spoor.crm.ChangeSource;
import io.spoor.crm.ContactChanges;
import io.spoor.crm.ContactStore;
import io.spoor.crm.Emails;
import io.spoor.crm.PropertyDefinitionStore;
import io.spoor.events.CompletionStore;
import io.spoor.events.EventCompletions;
import io.spoor.events.EventDefinitionStore;
import io.spoor.events.EventDetailsStore;
import io.spoor.identity.PageView;
import io.spoor.identity.Source;
import io.spoor.identity.SourceType;
import io.spoor.identity.TrafficSources;
import io.spoor.identity.Visitor;
import io.spoor.identity.VisitorStore;
import io.spoor.identity.Visitors;
import io.spoor.ingest.Batch;
import io.spoor.ingest.BeaconHit;
import io.spoor.ingest.HitApplier;
import io.spoor.http.Param;
import io.spoor.ingest.RejectReason;
import io.spoor.ops.Counter;
import io.spoor.portal.Portal;
import io.spoor.report.Rollups;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.Optional;

/**
 * The rules of the tracking code's beacons: a page view counts into its visitor's visits and,
 * once the visitor is identified, into its contact's analytics; {@code identify} (the
 * {@code i} parameter) ties the visitor to the contact with that email, bringing its
 * anonymous history along; events follow the event-definition rules. Bots are counted and
 * kept out when the portal filters them.
 *
 * <p>A hit sent without cookies ({@code ce=false}) is counted only, whatever its {@code vi}
 * (HubSpot's tracker sends a throwaway one): no visitor, no contact, no identify; a consent
 * decision on it still counts for a visitor already known by that token. A visitor whose last
 * decision declined or revoked consent is not tracked until it consents again. A visitor reset
 * ({@code rv=1}) on a known token unties it from its contact and history.
 */
public final class BeaconApplier implements HitApplier<BeaconHit> {
  /** More visitor tokens than this on one email suggests a placeholder address. */
  static final int PLAUSIBLE_VISITORS_PER_CONTACT = 50;
  /** Pages and referrers whose traffic source is kept classified (see {@link TrafficSources}). */
  static final int SOURCES_KEPT = 5_000;

  private final ContactStore contacts;
  private final PropertyDefinitionStore propertyDefinitions;
  private final VisitorStore visitors;
  private final BeaconEvents events;
  private final Counter bots;
  private final Counter untracked;
  private final CreationLimits limits;
  private final Rollups rollups;
  private final TrafficSources sources = new TrafficSources(SOURCES_KEPT);

  public BeaconApplier(ContactStore contacts, PropertyDefinitionStore propertyDefinitions,
      VisitorStore visitors, EventDefinitionStore eventDefinitions, CompletionStore completions, Counter bots,
      Counter untracked, EventDetailsStore eventDetails, PerHitCap propertyCap, CreationLimits limits,
      Rollups rollups) {
    this.contacts = contacts;
    this.propertyDefinitions = propertyDefinitions;
    this.visitors = visitors;
    this.events = new BeaconEvents(eventDefinitions, completions, eventDetails, propertyCap, rollups);
    this.bots = bots;
    this.untracked = untracked;
    this.limits = limits;
    this.rollups = rollups;
  }

  @Override
  public Class<BeaconHit> type() {
    return BeaconHit.class;
  }

  /** Looks up every visitor of the batch in one query per portal. */
  @Override
  public void prepare(List<BeaconHit> hits, Batch batch) {
    Map<Long, Set<String>> utksByPortal = new HashMap<>();
    for (BeaconHit hit : hits) {
      BeaconReading beacon = new BeaconReading(hit);
      if (beacon.cookieless() && !isConsent(hit)) {
        continue; // a throwaway token: never looked up
      }
      beacon.utk().ifPresent(utk ->
          utksByPortal.computeIfAbsent(hit.hubId(), p -> new HashSet<>()).add(utk));
    }
    Visitors visitorChanges = visitorChanges(batch);
    utksByPortal.forEach(visitorChanges::prefetch);
  }

  @Override
  public void apply(BeaconHit hit, Portal portal, Batch batch) {
    BeaconReading beacon = new BeaconReading(hit);
    Optional<String> utk = beacon.utk();
    if (hit.bot() && portal.privacy().filterBots()) {
      bots.inc();
    } else if (hit.privacySignal() && portal.privacy().honorGpc()) {
      untracked.inc("privacy_signal");
    } else if (beacon.cookieless()) {
      untracked.inc("cookieless");
      if (isConsent(hit) && utk.isPresent()) {
        visitorChanges(batch).consent(portal.hubId(), utk.get(), decision(hit));
      }
    } else if (utk.isEmpty()) {
      batch.reject(hit, RejectReason.NO_VISITOR_TOKEN, true,
          "the beacon carries no visitor token (vi): the visitor has not accepted cookies");
    } else {
      applyFor(portal, utk.get(), beacon, hit, batch);
    }
  }

  private static boolean isConsent(BeaconHit hit) {
    return hit.beacon() == BeaconHit.Kind.CONSENT_GIVEN || hit.beacon() == BeaconHit.Kind.CONSENT_DECLINED
        || hit.beacon() == BeaconHit.Kind.CONSENT_REVOKED;
  }

  /** The visitor's consent decision a consent hit records: given, declined or revoked. */
  private static String decision(BeaconHit hit) {
    return hit.beacon().name().substring("CONSENT_".length()).toLowerCase(java.util.Locale.ROOT);
  }

  private Visitors visitorChanges(Batch batch) {
    LiveContactCache live = batch.part(LiveContactCache.class, () -> new LiveContactCache(contacts));
    return batch.part(Visitors.class, () -> new Visitors(visitors, live));
  }

  private void applyFor(Portal portal, String utk, BeaconReading beacon, BeaconHit hit, Batch batch) {
    Visitors visitorChanges = visitorChanges(batch);
    if (beacon.visitorReset()) {
      visitorChanges.reset(portal.hubId(), utk);
    }
    if (isConsent(hit) && hit.beacon() != BeaconHit.Kind.CONSENT_GIVEN) {
      visitorChanges.consent(portal.hubId(), utk, decision(hit));
      return; // a decline says only that: an identify riding on it is not applied
    }
    if (!isConsent(hit) && visitorChanges.get(portal.hubId(), utk).filter(Visitor::refusedConsent).isPresent()) {
      untracked.inc("declined");
      return;
    }
    ContactChanges contactChanges = batch.part(ContactChanges.class,
        () -> new ContactChanges(contacts, propertyDefinitions));
    PageView page = beacon.pageView(utk);
    Creations creations = limits.of(batch);
    // only a page view or an identify makes a visitor; other beacons of unknown visitors make none
    boolean newVisitor = visitorChanges.get(portal.hubId(), utk).isEmpty() && (hit.beacon() == BeaconHit.Kind.PAGE_VIEW
        || beacon.identity().stream().anyMatch(p -> p.name().equals("email")));
    Optional<String> refusal = newVisitor
        ? creations.refusal(CreationLimits.Kind.VISITOR, portal.hubId(), hit.receivedAt()) : Optional.empty();
    if (refusal.isPresent()) {
      batch.reject(hit, RejectReason.VISITOR_CREATION_LIMIT, true, refusal.get());
      return;
    }
    // classified only for a visitor's first page: later pages do not change the original source
    // and once: the visitor's original source and the visit's rollup row ask for the same
    Source[] classified = new Source[1];
    Supplier<Source> source = () -> classified[0] != null ? classified[0]
        : (classified[0] = sources.classify(page.url(), page.referrer(), portal.privacy().domains())
            .orElse(new Source(SourceType.DIRECT_TRAFFIC, null, null)));
    Optional<Long> contact = identify(portal, utk, beacon, hit, page, source, visitorChanges, contactChanges, batch);
    if (hit.beacon() == BeaconHit.Kind.PAGE_VIEW) {
      pageView(page, source, visitorChanges, contactChanges);
      rollups.of(batch).pageView(page.portalId(), utk, page.sessionStart(), page.at(), page.path(), source,
          hit.userAgent());
    } else if (isConsent(hit)) {
      visitorChanges.consent(portal.hubId(), utk, decision(hit)); // after identify, which may create the visitor
    } else {
      Optional<Long> attributed = contact.or(() -> visitorChanges.get(portal.hubId(), utk)
          .flatMap(visitorChanges::contactOf));
      events.record(portal, hit, beacon, page, attributed,
          batch.part(EventCompletions.class, () -> events.completions(creations)), contactChanges, batch);
    }
    if (newVisitor && visitorChanges.get(portal.hubId(), utk).isPresent()) {
      creations.created(CreationLimits.Kind.VISITOR, portal.hubId(), hit.receivedAt());
    }
  }

  private void pageView(PageView page, Supplier<Source> source, Visitors visitorChanges,
      ContactChanges contactChanges) {
    long visitsBefore = visitorChanges.get(page.portalId(), page.utk()).map(Visitor::numVisits).orElse(0L);
    Visitor after = visitorChanges.pageView(page, source);
    visitorChanges.contactOf(after).ifPresent(contact -> contactChanges.addAnalytics(contact,
        Analytics.visits(1, after.numVisits() - visitsBefore, page.at(), page.at(),
            Optional.of(firstVisit(after)), page.url())));
  }

  /** Ties the visitor to the contact of the identity's email; the contact gets its history. */
  private Optional<Long> identify(Portal portal, String utk, BeaconReading beacon, BeaconHit hit, PageView page,
      Supplier<Source> source, Visitors visitorChanges, ContactChanges contactChanges, Batch batch) {
    List<Param> identity = beacon.identity();
    Optional<String> rawEmail = identity.stream().filter(p -> p.name().equals("email")).map(Param::value)
        .reduce((a, b) -> b);
    if (rawEmail.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> email = Emails.normalize(rawEmail.get());
    if (email.isEmpty()) {
      batch.reject(hit, RejectReason.INVALID_EMAIL, false, "identify: email is not an email address");
      return Optional.empty();
    }
    Creations creations = limits.of(batch);
    boolean newContact = contactChanges.findByEmail(portal.hubId(), email.get()).isEmpty();
    Optional<String> refusal = newContact
        ? creations.refusal(CreationLimits.Kind.CONTACT, portal.hubId(), hit.receivedAt()) : Optional.empty();
    if (refusal.isPresent()) {
      batch.reject(hit, RejectReason.CONTACT_CREATION_LIMIT, false, "identify: " + refusal.get());
      return Optional.empty();
    }
    long contact = contactChanges.byEmail(portal.hubId(), email.get(), hit.receivedAt(), ChangeSource.TRACKING_CODE);
    if (newContact) {
      creations.created(CreationLimits.Kind.CONTACT, portal.hubId(), hit.receivedAt());
      rollups.of(batch).newContact(portal.hubId(), utk, page.sessionStart(), hit.receivedAt());
    }
    if (visitorChanges.identify(portal.hubId(), utk, contact, page, source)) {
      visitorChanges.get(portal.hubId(), utk).filter(v -> v.numPageViews() > 0).ifPresent(v ->
          contactChanges.addAnalytics(contact, Analytics.visits(v.numPageViews(), v.numVisits(),
              v.firstSeen(), v.lastSeen(), Optional.of(firstVisit(v)), v.lastUrl())));
      if (visitorChanges.visitorsOf(contact) > PLAUSIBLE_VISITORS_PER_CONTACT) {
        batch.reject(hit, RejectReason.SUSPECTED_PLACEHOLDER_EMAIL, false, "more than "
            + PLAUSIBLE_VISITORS_PER_CONTACT + " visitors identified as " + email.get()
            + ": is a placeholder email being sent for unknown visitors?");
      }
    }
    List<Param> properties = identity.stream().filter(p -> !p.name().equals("email") && !p.name().equals("id"))
        .toList();
    new PropertyParams(contactChanges, ChangeSource.TRACKING_CODE)
        .apply(portal, hit, properties, beacon.malformedIdentity(), Optional.of(contact), batch);
    return Optional.of(contact);
  }

  private static Analytics.FirstVisit firstVisit(Visitor v) {
    return new Analytics.FirstVisit(v.firstSeen(), v.firstUrl(), v.firstReferrer(),
        v.source().type().name(), v.source().data1(), v.source().data2());
  }
}
