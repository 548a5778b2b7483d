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
  private final Group group;
  private final Map<String, Rule> rules;

  /** The tracking appliers are the ones the other hit types are applied by: a track, a page follow their rules. */
  public SegmentApplier(ContactStore contacts, PropertyDefinitionStore propertyDefinitions,
      ObjectStore<Company> companies, AssociationStore associations, EventDefinitionStore eventDefinitions,
      SegmentIds ids, EventsApiApplier events, SentEventApplier sentEvents, BeaconApplier beacons,
      CreationLimits limits, Outbox outbox) {
    Parts parts = new Parts(contacts, propertyDefinitions, companies, associations, ids, limits);
    this.group = new Group(parts, propertyDefinitions, outbox);
    Page page = new Page(parts, beacons);
    this.rules = Map.of("identify", new Identify(parts, outbox),
        "track", new Track(parts, events, sentEvents, eventDefinitions, outbox),
        "page", page, "screen", page, "group", group, "alias", new Alias(parts));
  }

  @Override
  public Class<SegmentHit> type() {
    return SegmentHit.class;
  }

  /** Makes the {@code segment_group_id} company property in each portal the batch has group calls for. */
  @Override
  public void prepare(List<SegmentHit> hits, Batch batch) {
    Set<Long> portals = new LinkedHashSet<>();
    hits.stream().filter(hit -> hit.type().equals("group")).forEach(hit -> portals.add(hit.hubId()));
    portals.stream().filter(hubId -> batch.portal(hubId).isPresent()).forEach(group::prepare);
  }

  @Override
  public void apply(SegmentHit hit, Portal portal, Batch batch) {
    SegmentMessage.Reading reading = SegmentMessage.read(hit.message());
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
}
