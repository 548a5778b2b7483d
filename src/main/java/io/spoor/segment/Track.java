package io.spoor.segment;

import io.spoor.crm.ContactProperties;
import io.spoor.events.BehavioralEvents;
import io.spoor.events.EventDefinitionStore;
import io.spoor.forward.ForwardCall;
import io.spoor.forward.Outbox;
import io.spoor.ingest.Batch;
import io.spoor.ingest.EventApiHit;
import io.spoor.ingest.RejectReason;
import io.spoor.ingest.SegmentHit;
import io.spoor.ingest.SentEventHit;
import io.spoor.portal.Portal;
import io.spoor.track.EventsApiApplier;
import io.spoor.track.SentEventApplier;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * track → an event completion by the Events HTTP API's rules (the event by name, made
 * dynamically; deleted names stay dead; the value from {@code properties.revenue}, else
 * {@code value}, else {@code total}; {@code context.traits} as contact properties), at the
 * event's time; or, for a behavioural event's internal name ({@code pe<hubId>_…}), that event
 * with its properties by the {@code /events/v3/send} rules. The contact is the one of
 * {@code properties.email} (else {@code context.traits.email}), else the one the userId or
 * anonymousId stands for; a track naming neither is rejected.
 */
final class Track implements Rule {
  private final Parts parts;
  private final EventsApiApplier events;
  private final SentEventApplier sentEvents;
  private final EventDefinitionStore definitions;
  private final Outbox outbox;

  Track(Parts parts, EventsApiApplier events, SentEventApplier sentEvents, EventDefinitionStore definitions,
      Outbox outbox) {
    this.parts = parts;
    this.events = events;
    this.sentEvents = sentEvents;
    this.definitions = definitions;
    this.outbox = outbox;
  }

  @Override
  public void apply(SegmentMessage message, SegmentHit hit, Portal portal, Batch batch) {
    Optional<Subject> subject = subject(message, hit, portal, batch);
    if (subject.isEmpty()) {
      return;
    }
    String event = message.event().orElseThrow();
    String internal = Traits.key(event);
    if (internal.startsWith(BehavioralEvents.prefix(portal.hubId()))) {
      behavioural(internal, message, subject.get(), hit, portal, batch);
    } else {
      custom(event, message, subject.get(), hit, portal, batch);
    }
  }

  private void custom(String event, SegmentMessage message, Subject subject, SegmentHit hit, Portal portal,
      Batch batch) {
    Optional<String> value = revenue(message.properties());
    batch.applyingAs(hit); // received "at" the event's time, so that the event is; a rejection keeps the real time
    EventApiHit mapped = new EventApiHit(hit.id(), hit.hubId(), hit.timestamp(), event, Optional.of(subject.email()),
        value, Optional.empty(), List.of(), List.of(), hit.rawParams());
    if (!events.record(mapped, portal, batch)) {
      return;
    }
    long contact = parts.contactChanges(batch).findByEmail(portal.hubId(), subject.email()).orElseThrow();
    if (subject.byEmail()) {
      parts.segmentContacts(batch).tie(portal.hubId(), message.ids(), contact, hit.timestamp());
    }
    Map<String, Object> traits = Traits.contact(message.contextTraits());
    traits.remove(ContactProperties.EMAIL);
    Map<String, String> set = new PropertyMapping(parts.contactChanges(batch), "contact")
        .apply(traits, hit, portal, contact, batch);
    outbox.add(portal.hubId(), Outbox.Origin.SEGMENT,
        new ForwardCall.TrackEvent(event, subject.email(), value, set, hit.timestamp()));
  }

  private void behavioural(String name, SegmentMessage message, Subject subject, SegmentHit hit, Portal portal,
      Batch batch) {
    if (definitions.findLiveByName(portal.hubId(), name).isEmpty()) {
      batch.reject(hit, RejectReason.UNKNOWN_BEHAVIORAL_EVENT, true, "no event definition named " + name);
      return;
    }
    Optional<Long> contact = subject.byEmail()
        ? parts.contactByEmail(portal.hubId(), subject.email(), hit, batch) : subject.contact();
    if (contact.isEmpty()) {
      return;
    }
    Map<String, String> properties = new LinkedHashMap<>();
    message.properties().forEach(p -> properties.put(p.getKey(), Traits.text(Traits.flat(p.getValue()))));
    properties.remove(ApiFields.EMAIL); // who the event is about, not one of its properties
    // by email, not id: a contact this batch made is written only when the batch ends
    sentEvents.apply(new SentEventHit(hit.id(), hit.hubId(), hit.receivedAt(), name, Optional.empty(),
        Optional.of(subject.email()), Optional.empty(), hit.timestamp(), properties, hit.rawParams()), portal, batch);
    if (subject.byEmail()) {
      parts.segmentContacts(batch).tie(portal.hubId(), message.ids(), contact.get(), hit.timestamp());
    }
    outbox.add(portal.hubId(), Outbox.Origin.SEGMENT,
        new ForwardCall.SendBehavioralEvent(name, subject.email(), properties, hit.timestamp(), hit.id()));
  }

  /** The contact's email from the message, else the contact its ids stand for; empty when neither (rejected). */
  private Optional<Subject> subject(SegmentMessage message, SegmentHit hit, Portal portal, Batch batch) {
    Optional<String> raw = message.email();
    if (raw.isPresent()) {
      return Parts.email(raw.get(), hit, batch).map(email -> new Subject(email, true, Optional.empty()));
    }
    SegmentContacts contacts = parts.segmentContacts(batch);
    Optional<Long> contact = contacts.of(portal.hubId(), message.ids());
    Optional<String> email = contact.flatMap(contacts::emailOf);
    if (email.isEmpty()) {
      batch.reject(hit, RejectReason.UNKNOWN_SEGMENT_USER, true, "track has no properties.email or "
          + "context.traits.email, and neither its userId nor its anonymousId stands for a contact yet");
      return Optional.empty();
    }
    return Optional.of(new Subject(email.get(), false, contact));
  }

  /** {@code properties.revenue}, else {@code value}, else {@code total}, as text. */
  static Optional<String> revenue(JsonObject properties) {
    for (String field : ApiFields.REVENUE) {
      Object value = properties.getValue(field);
      if (value != null) {
        return Optional.of(Traits.text(Traits.flat(value)));
      }
    }
    return Optional.empty();
  }

  /** Whom a track is about: an email it carries, or the contact (and its email) its ids stand for. */
  private record Subject(String email, boolean byEmail, Optional<Long> contact) {
  }
}
