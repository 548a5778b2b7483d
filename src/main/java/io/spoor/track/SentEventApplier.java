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
import io.spoor.events.EventDefinition;
import io.spoor.events.EventDefinitionStore;
import io.spoor.events.EventDetailsStore;
import io.spoor.identity.VisitorStore;
import io.spoor.identity.Visitors;
import io.spoor.ingest.Batch;
import io.spoor.ingest.HitApplier;
import io.spoor.ingest.RejectReason;
import io.spoor.ingest.SentEventHit;
import io.spoor.portal.Portal;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Events sent through {@code /events/v3/send}: the definition must exist; the contact is the
 * one with the object id, or the email's (created if absent), or the visitor token's once
 * identified; properties the definition does not declare are not kept (and say so).
 */
public final class SentEventApplier implements HitApplier<SentEventHit> {
  private static final CompletionSource SOURCE = CompletionSource.BEHAVIORAL_EVENTS_API;
  private final ContactStore contacts;
  private final PropertyDefinitionStore propertyDefinitions;
  private final VisitorStore visitors;
  private final EventDefinitionStore definitions;
  private final EventDetailsStore details;
  private final CompletionStore completions;
  private final PerHitCap cap;
  private final CreationLimits limits;

  /**
   * {@code cap}: the most properties of one event that are looked at. {@code limits} are not
   * applied to sent events (an authenticated API); the batch's event definitions, which other
   * hits of the batch share, are created under them.
   */
  public SentEventApplier(ContactStore contacts, PropertyDefinitionStore propertyDefinitions, VisitorStore visitors,
      EventDefinitionStore definitions, EventDetailsStore details, CompletionStore completions, PerHitCap cap,
      CreationLimits limits) {
    this.cap = cap;
    this.contacts = contacts;
    this.propertyDefinitions = propertyDefinitions;
    this.visitors = visitors;
    this.definitions = definitions;
    this.details = details;
    this.completions = completions;
    this.limits = limits;
  }

  @Override
  public Class<SentEventHit> type() {
    return SentEventHit.class;
  }

  @Override
  public void apply(SentEventHit hit, Portal portal, Batch batch) {
    Optional<EventDefinition> definition = definitions.findLiveByName(hit.hubId(), hit.eventName());
    if (definition.isEmpty()) {
      batch.reject(hit, RejectReason.UNKNOWN_BEHAVIORAL_EVENT, true, "no event definition named " + hit.eventName());
      return;
    }
    ContactChanges changes = batch.part(ContactChanges.class, () -> new ContactChanges(contacts, propertyDefinitions));
    Optional<Subject> subject = subjectOf(hit, changes, batch);
    if (subject.isEmpty()) {
      return;
    }
    Optional<Long> contact = subject.get().contactId();
    Creations creations = limits.of(batch); // not inside the part's supplier: parts are made one at a time
    EventCompletions events = batch.part(EventCompletions.class,
        () -> new EventCompletions(definitions, completions, creations));
    events.complete(definition.get(), contact, hit.id(), hit.occurredAt(), OptionalLong.empty(), SOURCE,
        declared(hit, definition.get(), batch));
    contact.ifPresent(id -> changes.addAnalytics(id, Analytics.event(hit.occurredAt(), 0)));
  }

  /** Whom the event is about: empty when it names no one that can be found (rejected). */
  private Optional<Subject> subjectOf(SentEventHit hit, ContactChanges changes, Batch batch) {
    if (hit.objectId().isPresent()) {
      if (!contacts.isLive(hit.hubId(), hit.objectId().get())) {
        batch.reject(hit, RejectReason.UNKNOWN_CONTACT, true, "no contact with id " + hit.objectId().get());
        return Optional.empty();
      }
      return Optional.of(new Subject(hit.objectId()));
    }
    if (hit.email().isPresent()) {
      Optional<String> email = Emails.normalize(hit.email().get());
      if (email.isEmpty()) {
        batch.reject(hit, RejectReason.INVALID_EMAIL, true, "email is not an email address");
        return Optional.empty();
      }
      return Optional.of(new Subject(Optional.of(changes.byEmail(hit.hubId(), email.get(), hit.receivedAt(),
          ChangeSource.API))));
    }
    LiveContactCache live = batch.part(LiveContactCache.class, () -> new LiveContactCache(contacts));
    Visitors visitorChanges = batch.part(Visitors.class, () -> new Visitors(visitors, live));
    return Optional.of(new Subject(visitorChanges.get(hit.hubId(),
        hit.utk().orElseThrow().toLowerCase(java.util.Locale.ROOT)).flatMap(visitorChanges::contactOf)));
  }

  private Map<String, String> declared(SentEventHit hit, EventDefinition definition, Batch batch) {
    return DeclaredProperties.kept(details, definition, hit, hit.properties(), cap, batch);
  }

  /** Whom a sent event is about: a contact, or a visitor not (or no longer) tied to one. */
  private record Subject(Optional<Long> contactId) {
  }
}
