package io.spoor.segment;

import io.spoor.crm.AssociationStore;
import io.spoor.crm.Company;
import io.spoor.crm.ContactStore;
import io.spoor.crm.ObjectStore;
import io.spoor.crm.PropertyDefinitionStore;
import io.spoor.events.EventDefinitionStore;
import io.spoor.forward.Outbox;
import io.spoor.ingest.Batch;
import io.spoor.ingest.HitApplier;
import io.spoor.ingest.RejectReason;
import io.spoor.ingest.SegmentHit;
import io.spoor.portal.Portal;
import io.spoor.track.BeaconApplier;
import io.spoor.track.CreationLimits;
import io.spoor.track.EventsApiApplier;
import io.spoor.track.SentEventApplier;
import io.spoor.crm.Emails;
import io.spoor.http.Param;
import io.spoor.ingest.BeaconHit;
import io.spoor.track.TrackerParams;
import java.util.ArrayList;
import io.spoor.store.Deferred;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Segment messages mapped the way Segment's HubSpot destination maps them: identify → contact,
 * track → event, page and screen → page view, group → company, alias → joined ids. Each message
 * is checked again here (the edge logs a batch's bad members too), and what cannot be applied is
 * rejected with its reason and raw message. Every applied message also queues the HubSpot calls
 * it maps to in the outbox, in the batch's transaction.
 */
public final class SegmentApplier implements HitApplier<SegmentHit> {
  private final Parts parts;
  private final BeaconApplier beacons;
  private final Group group;
  private final Map<String, Rule> rules;

  /** The tracking appliers are the ones the other hit types are applied by: a track, a page follow their rules. */
  public SegmentApplier(ContactStore contacts, PropertyDefinitionStore propertyDefinitions,
      ObjectStore<Company> companies, AssociationStore associations, EventDefinitionStore eventDefinitions,
      SegmentIds ids, EventsApiApplier events, SentEventApplier sentEvents, BeaconApplier beacons,
      CreationLimits limits, Outbox outbox) {
    this.parts = new Parts(contacts, propertyDefinitions, companies, associations, ids, limits);
    this.group = new Group(parts, propertyDefinitions, outbox);
    this.beacons = beacons;
    Page page = new Page(parts, beacons);
    this.rules = Map.of("identify", new Identify(parts, outbox),
        "track", new Track(parts, events, sentEvents, eventDefinitions, outbox),
        "page", page, "screen", page, "group", group, "alias", new Alias(parts));
  }

  @Override
  public Class<SegmentHit> type() {
    return SegmentHit.class;
  }

  /**
   * Reads every message of the batch once, then looks up the batch's emails and Segment ids in
   * one query per portal each, so that applying a message asks the store for neither; makes the
   * {@code segment_group_id} company property in each portal the batch has group calls for.
   */
  @Override
  public void prepare(List<SegmentHit> hits, Batch batch) {
    Readings readings = batch.part(Readings.class, Readings::new);
    Map<Long, Set<String>> emails = new HashMap<>();
    Map<Long, Set<String>> ids = new HashMap<>();
    Set<Long> groups = new LinkedHashSet<>();
    for (SegmentHit hit : hits) {
      if (!(readings.read(hit) instanceof SegmentMessage.Valid valid) || batch.portal(hit.hubId()).isEmpty()) {
        continue;
      }
      SegmentMessage message = valid.message();
      if (message.type().equals("group")) {
        groups.add(hit.hubId());
      }
      Set<String> ofPortal = ids.computeIfAbsent(hit.hubId(), p -> new LinkedHashSet<>());
      ofPortal.addAll(message.ids());
      message.previousId().ifPresent(ofPortal::add);
      message.email().flatMap(Emails::normalize)
          .ifPresent(email -> emails.computeIfAbsent(hit.hubId(), p -> new LinkedHashSet<>()).add(email));
    }
    emails.forEach(parts.contactChanges(batch)::prefetch);
    SegmentContacts contacts = parts.segmentContacts(batch);
    ids.forEach(contacts::prefetch);
    groups.forEach(group::prepare);
    prefetchVisitors(hits, readings, contacts, batch);
  }

  /** The page visitors of the batch, looked up at once by the tracking applier's own prefetch. */
  private void prefetchVisitors(List<SegmentHit> hits, Readings readings, SegmentContacts contacts, Batch batch) {
    List<BeaconHit> probes = new ArrayList<>();
    for (SegmentHit hit : hits) {
      if (readings.read(hit) instanceof SegmentMessage.Valid valid && ApiFields.PAGE_TYPES.contains(valid.message().type())
          && batch.portal(hit.hubId()).isPresent()) {
        Page.likelyVisitor(valid.message(), hit.hubId(), contacts).ifPresent(utk -> probes.add(new BeaconHit(hit.id(),
            hit.hubId(), hit.receivedAt(), BeaconHit.Kind.PAGE_VIEW, List.of(new Param(TrackerParams.UTK, utk)), false,
            false, "")));
      }
    }
    if (!probes.isEmpty()) {
      beacons.prepare(probes, batch);
    }
  }

  @Override
  public void apply(SegmentHit hit, Portal portal, Batch batch) {
    SegmentMessage.Reading reading = batch.part(Readings.class, Readings::new).take(hit);
    if (reading instanceof SegmentMessage.Invalid invalid) {
      batch.reject(hit, invalid.reason(), true, invalid.detail());
      return;
    }
    SegmentMessage message = ((SegmentMessage.Valid) reading).message();
    if (!message.forHubSpot()) {
      batch.reject(hit, RejectReason.HUBSPOT_INTEGRATION_OFF, true, message.type() + " turns HubSpot off in its "
          + "integrations: neither applied nor forwarded, as Segment would not send it to HubSpot");
      return;
    }
    rules.get(message.type()).apply(message, hit, portal, batch);
  }

  /** The batch's messages as read in {@link #prepare}, each read once. */
  private static final class Readings implements Deferred {
    private final Map<String, SegmentMessage.Reading> read = new HashMap<>();

    SegmentMessage.Reading read(SegmentHit hit) {
      return read.computeIfAbsent(hit.id(), id -> SegmentMessage.read(hit.message()));
    }

    /** The hit's reading, no longer kept. */
    SegmentMessage.Reading take(SegmentHit hit) {
      SegmentMessage.Reading reading = read.remove(hit.id());
      return reading != null ? reading : SegmentMessage.read(hit.message());
    }

    @Override
    public void flush() {
      read.clear();
    }
  }
}
