package io.spoor.track;

import io.spoor.crm.Analytics;
import io.spoor.crm.ContactChanges;
import io.spoor.events.BehavioralEvents;
import io.spoor.events.CompletionSource;
import io.spoor.events.CompletionStore;
import io.spoor.events.EventCompletions;
import io.spoor.events.EventDefinition;
import io.spoor.events.EventDefinitionStore;
import io.spoor.events.EventDetailsStore;
import io.spoor.events.Resolution;
import io.spoor.identity.PageView;
import io.spoor.ingest.Batch;
import io.spoor.ingest.BeaconHit;
import io.spoor.ingest.RejectReason;
import io.spoor.portal.Portal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import io.spoor.report.Rollups;

/**
 * Events from the tracking code: {@code trackEvent} (legacy, by id or name, with the Events
 * HTTP API's rules), {@code trackCustomBehavioralEvent} (only events defined as
 * {@code pe<hubId>_…}, keeping only the properties the definition declares, as
 * {@code /events/v3/send} does) and clicks (kept as completions of the {@code hs_click} event).
 * An event happens at the beacon's time ({@code cts} when plausible).
 */
final class BeaconEvents {
  static final String CLICK_EVENT = "hs_click";
  private static final CompletionSource SOURCE = CompletionSource.TRACKING_CODE;

  private final EventDefinitionStore definitions;
  private final CompletionStore completions;
  private final EventDetailsStore details;
  private final PerHitCap propertyCap;
  private final Rollups rollups;

  BeaconEvents(EventDefinitionStore definitions, CompletionStore completions, EventDetailsStore details,
      PerHitCap propertyCap, Rollups rollups) {
    this.definitions = definitions;
    this.completions = completions;
    this.details = details;
    this.propertyCap = propertyCap;
    this.rollups = rollups;
  }

  EventCompletions completions(io.spoor.events.DynamicDefinitionGate gate) {
    return new EventCompletions(definitions, completions, gate);
  }

  void record(Portal portal, BeaconHit hit, BeaconReading beacon, PageView visit, Optional<Long> contact,
      EventCompletions events, ContactChanges changes, Batch batch) {
    Optional<EventDefinition> definition = definition(portal, hit, events, batch);
    if (definition.isEmpty()) {
      return;
    }
    OptionalLong value = OptionalLong.empty();
    Optional<String> rawValue = hit.param(TrackerParams.EVENT_VALUE).filter(v -> !v.isBlank());
    if (hit.beacon() == BeaconHit.Kind.EVENT && rawValue.isPresent()) {
      value = Revenue.micros(rawValue.get());
      if (value.isEmpty()) {
        batch.reject(hit, RejectReason.INVALID_REVENUE, false, Revenue.PROBLEM);
      }
    }
    Map<String, String> properties = new LinkedHashMap<>();
    beacon.eventProperties(hit.beacon() != BeaconHit.Kind.EVENT).forEach(p -> properties.put(p.name(), p.value()));
    Map<String, String> kept = hit.beacon() == BeaconHit.Kind.BEHAVIORAL_EVENT
        ? DeclaredProperties.kept(details, definition.get(), hit, properties, propertyCap, batch) : properties;
    long at = beacon.at();
    events.complete(definition.get(), contact, hit.id(), at, value, SOURCE, kept);
    long micros = value.orElse(0);
    rollups.of(batch).completion(portal.hubId(), definition.get().id(), at, micros, visit.utk(),
        visit.sessionStart());
    contact.ifPresent(c -> changes.addAnalytics(c, Analytics.event(at, micros)));
  }

  private Optional<EventDefinition> definition(Portal portal, BeaconHit hit, EventCompletions events,
      Batch batch) {
    String name = hit.param(TrackerParams.EVENT).map(String::trim).orElse("");
    switch (hit.beacon()) {
      case CLICK:
        return found(events.resolve(portal.hubId(), CLICK_EVENT, hit.receivedAt()), hit, batch);
      case BEHAVIORAL_EVENT:
        String prefix = BehavioralEvents.prefix(portal.hubId());
        Optional<EventDefinition> defined = name.startsWith(prefix)
            ? definitions.findLiveByName(portal.hubId(), name)
            : Optional.empty();
        if (defined.isEmpty()) {
          batch.reject(hit, RejectReason.UNKNOWN_BEHAVIORAL_EVENT, true, "behavioural events need a definition "
              + "named " + prefix + "…; none is named " + name);
        }
        return defined;
      default:
        if (!portal.customEventsEnabled()) {
          batch.reject(hit, RejectReason.CUSTOM_EVENTS_DISABLED, true,
              "custom events are disabled for portal " + portal.hubId());
          return Optional.empty();
        }
        return found(events.resolve(portal.hubId(), name, hit.receivedAt()), hit, batch);
    }
  }

  private static Optional<EventDefinition> found(Resolution resolution, BeaconHit hit, Batch batch) {
    if (resolution instanceof Resolution.Refused refused) {
      batch.reject(hit, EventsApiApplier.reasonFor(refused.refusal()), true, refused.detail());
      return Optional.empty();
    }
    return Optional.of(((Resolution.Found) resolution).definition());
  }
}
