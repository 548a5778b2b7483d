package io.spoor.track;

import io.spoor.crm.Analytics;
import io.spoor.crm.ChangeSource;
import io.spoor.crm.ContactChanges;
import io.spoor.crm.ContactStore;
import io.spoor.crm.Emails;
import io.spoor.crm.PropertyDefinitionStore;
import io.spoor.events.CompletionSource;
import io.spoor.events.CompletionStore;
import io.spoor.events.EventCompletions;
import io.spoor.events.EventDefinitionStore;
import io.spoor.events.Resolution;
import io.spoor.forward.ForwardCall;
import io.spoor.forward.Outbox;
import io.spoor.identity.ExternalIdStore;
import io.spoor.ingest.Batch;
import io.spoor.ingest.EventApiHit;
import io.spoor.ingest.HitApplier;
import io.spoor.http.Param;
import io.spoor.ingest.RejectReason;
import io.spoor.portal.Portal;
import io.spoor.report.Rollups;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalLong;

/**
 * The rules of the Events HTTP API: the portal must allow custom events; {@code email}
 * finds or creates the contact; {@code id} alone finds the contact it was first seen with and
 * never creates one (an id whose contact was archived counts as never seen, and is linked
 * again with the next email it comes with); the event resolves by id or name; {@code _m} adds
 * to the contact's revenue; every other parameter sets a contact property. What cannot be
 * applied is rejected whole (who or what the hit is about) or in part (a bad revenue or
 * property value). An applied hit with an email is also passed to the outbox, for a forwarding
 * target that takes tracking hits.
 */
public final class EventsApiApplier implements HitApplier<EventApiHit> {
  private static final CompletionSource SOURCE = CompletionSource.EVENTS_API;

  private final ContactStore contacts;
  private final PropertyDefinitionStore propertyDefinitions;
  private final EventDefinitionStore eventDefinitions;
  private final CompletionStore completions;
  private final ExternalIdStore externalIds;
  private final PerHitCap cap;
  private final CreationLimits limits;
  private final Outbox outbox;
  private final Rollups rollups;

  /**
   * @param cap    the most contact-property parameters of one hit that are applied
   * @param limits what hits may create per portal
   * @param outbox where applied hits go to be forwarded
   */
  public EventsApiApplier(ContactStore contacts, PropertyDefinitionStore propertyDefinitions,
      EventDefinitionStore eventDefinitions, CompletionStore completions, ExternalIdStore externalIds,
      PerHitCap cap, CreationLimits limits, Outbox outbox, Rollups rollups) {
    this.outbox = outbox;
    this.cap = cap;
    this.contacts = contacts;
    this.propertyDefinitions = propertyDefinitions;
    this.eventDefinitions = eventDefinitions;
    this.completions = completions;
    this.externalIds = externalIds;
    this.limits = limits;
    this.rollups = rollups;
  }

  @Override
  public Class<EventApiHit> type() {
    return EventApiHit.class;
  }

  /** Looks up every email of the batch in one query per portal. */
  @Override
  public void prepare(List<EventApiHit> hits, Batch batch) {
    Map<Long, Set<String>> emailsByPortal = new HashMap<>();
    for (EventApiHit hit : hits) {
      hit.email().flatMap(Emails::normalize).ifPresent(email ->
          emailsByPortal.computeIfAbsent(hit.hubId(), p -> new HashSet<>()).add(email));
    }
    ContactChanges changes = contactChanges(batch);
    emailsByPortal.forEach(changes::prefetch);
  }

  @Override
  public void apply(EventApiHit hit, Portal portal, Batch batch) {
    record(hit, portal, batch, true);
  }

  /**
   * Applies the hit by these rules for another kind of hit mapped to it (a Segment track):
   * true when the event was recorded, false when the hit was rejected whole. The other kind
   * forwards the hit as its own, so it is not forwarded here as a tracking hit.
   */
  public boolean record(EventApiHit hit, Portal portal, Batch batch) {
    return record(hit, portal, batch, false);
  }

  private boolean record(EventApiHit hit, Portal portal, Batch batch, boolean forwardAsTracking) {
    if (!portal.customEventsEnabled()) {
      batch.reject(hit, RejectReason.CUSTOM_EVENTS_DISABLED, true,
          "custom events are disabled for portal " + hit.hubId());
      return false;
    }
    return applyTo(portal, hit, batch, forwardAsTracking);
  }

  private boolean applyTo(Portal portal, EventApiHit hit, Batch batch, boolean forwardAsTracking) {
    Optional<String> email = hit.email().flatMap(Emails::normalize);
    if (hit.email().isPresent() && email.isEmpty()) {
      batch.reject(hit, RejectReason.INVALID_EMAIL, true, "email is not an email address");
      return false;
    }
    LiveContactCache live = batch.part(LiveContactCache.class, () -> new LiveContactCache(contacts));
    if (email.isEmpty() && hit.externalId().isPresent()
        && linked(portal.hubId(), hit.externalId().get(), live).isEmpty()) {
      batch.reject(hit, RejectReason.UNKNOWN_EXTERNAL_ID, true,
          "id has not been seen with an email, and an id alone never creates a contact");
      return false;
    }
    ContactChanges changes = contactChanges(batch);
    Creations creations = limits.of(batch);
    boolean newContact = email.isPresent() && changes.findByEmail(portal.hubId(), email.get()).isEmpty();
    Optional<String> refusal = newContact
        ? creations.refusal(CreationLimits.Kind.CONTACT, portal.hubId(), hit.receivedAt()) : Optional.empty();
    if (refusal.isPresent()) {
      batch.reject(hit, RejectReason.CONTACT_CREATION_LIMIT, true, refusal.get());
      return false;
    }
    EventCompletions events = batch.part(EventCompletions.class,
        () -> new EventCompletions(eventDefinitions, completions, creations));
    Resolution resolution = events.resolve(portal.hubId(), hit.eventRef().trim(), hit.receivedAt());
    if (resolution instanceof Resolution.Refused refused) {
      batch.reject(hit, reasonFor(refused.refusal()), true, refused.detail());
      return false;
    }
    Optional<Long> contact = contactOf(portal, hit, email, changes, live);
    if (newContact) {
      creations.created(CreationLimits.Kind.CONTACT, portal.hubId(), hit.receivedAt());
      rollups.of(batch).newContact(portal.hubId(), null, 0, hit.receivedAt());
    }
    OptionalLong revenue = revenue(hit, batch);
    events.complete(((Resolution.Found) resolution).definition(), contact, hit.id(),
        hit.receivedAt(), revenue, SOURCE, Map.of());
    rollups.of(batch).completion(portal.hubId(), ((Resolution.Found) resolution).definition().id(), hit.receivedAt(),
        revenue.orElse(0));
    contact.ifPresent(id -> changes.addAnalytics(id,
        Analytics.event(hit.receivedAt(), revenue.orElse(0))));
    List<Param> kept = cap.keep(hit, hit.properties(), Param::name, batch);
    new PropertyParams(changes, ChangeSource.EVENTS_API).apply(portal, hit, kept,
        cap.keep(hit, hit.malformed(), name -> name, batch), contact, batch);
    if (forwardAsTracking) {
      email.ifPresent(address -> forward(hit, address, revenue.isPresent() ? hit.revenue() : Optional.empty(), kept));
    }
    return true;
  }

  private void forward(EventApiHit hit, String email, Optional<String> revenue, List<Param> kept) {
    Map<String, String> properties = new LinkedHashMap<>();
    kept.forEach(p -> properties.put(p.name(), p.value()));
    outbox.add(hit.hubId(), Outbox.Origin.TRACKING,
        new ForwardCall.TrackEvent(hit.eventRef().trim(), email, revenue, properties, hit.receivedAt()));
  }

  private ContactChanges contactChanges(Batch batch) {
    return batch.part(ContactChanges.class, () -> new ContactChanges(contacts, propertyDefinitions));
  }

  private Optional<Long> contactOf(Portal portal, EventApiHit hit, Optional<String> email,
      ContactChanges changes, LiveContactCache live) {
    if (email.isPresent()) {
      long id = changes.byEmail(portal.hubId(), email.get(), hit.receivedAt(), ChangeSource.EVENTS_API);
      live.found(portal.hubId(), id);
      hit.externalId().ifPresent(ext -> link(portal.hubId(), ext, id, hit.receivedAt(), live));
      return Optional.of(id);
    }
    return hit.externalId().flatMap(ext -> linked(portal.hubId(), ext, live));
  }

  /** The live contact the id stands for; none when it is unknown or its contact was archived. */
  private Optional<Long> linked(long portalId, String externalId, LiveContactCache live) {
    return externalIds.contactFor(portalId, externalId).filter(id -> live.isLive(portalId, id));
  }

  private void link(long portalId, String externalId, long contactId, long at, LiveContactCache live) {
    Optional<Long> existing = externalIds.contactFor(portalId, externalId);
    if (existing.isEmpty()) {
      externalIds.linkIfAbsent(portalId, externalId, contactId, at);
    } else if (existing.get() != contactId && !live.isLive(portalId, existing.get())) {
      externalIds.relink(portalId, externalId, contactId, at);
    }
  }

  private static OptionalLong revenue(EventApiHit hit, Batch batch) {
    if (hit.revenue().isEmpty()) {
      return OptionalLong.empty();
    }
    OptionalLong micros = Revenue.micros(hit.revenue().get());
    if (micros.isEmpty()) {
      batch.reject(hit, RejectReason.INVALID_REVENUE, false, Revenue.PROBLEM);
    }
    return micros;
  }

  static RejectReason reasonFor(Resolution.Refusal refusal) {
    switch (refusal) {
      case UNKNOWN_EVENT_ID:
        return RejectReason.UNKNOWN_EVENT_ID;
      case DELETED_EVENT:
        return RejectReason.DELETED_EVENT;
      case APP_EVENT_BY_NAME:
        return RejectReason.APP_EVENT_BY_NAME;
      case DELETED_EVENT_NAME:
        return RejectReason.DELETED_EVENT_NAME;
      case DEFINITION_LIMIT:
        return RejectReason.EVENT_DEFINITION_LIMIT;
      default:
        return RejectReason.INVALID_EVENT_NAME;
    }
  }
}
