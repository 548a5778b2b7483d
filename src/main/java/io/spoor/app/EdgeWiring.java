package io.spoor.app;

import io.spoor.events.BehavioralEventRoutes;
import io.spoor.events.BehavioralEvents;
import io.spoor.forward.Outbox;
import io.spoor.http.Routes;
import io.spoor.ingest.FileIngestLog;
import io.spoor.ingest.HitApplier;
import io.spoor.ingest.IngestLimits;
import io.spoor.ingest.IngestLog;
import io.spoor.ingest.RejectReason;
import io.spoor.ingest.Ticker;
import io.spoor.kafka.KafkaAddress;
import io.spoor.kafka.KafkaClients;
import io.spoor.kafka.KafkaIngestLog;
import io.spoor.ops.Counter;
import io.spoor.ops.Metrics;
import io.spoor.portal.Portals;
import io.spoor.report.Rollups;
import io.spoor.report.SketchBackfill;
import io.spoor.segment.EdgeLimits;
import io.spoor.segment.EdgeRejections;
import io.spoor.segment.SegmentApplier;
import io.spoor.segment.SegmentRoutes;
import io.spoor.segment.WriteKeys;
import io.spoor.store.Database;
import io.spoor.track.BeaconApplier;
import io.spoor.track.BeaconRoutes;
import io.spoor.track.CreationLimits;
import io.spoor.track.EventsApiApplier;
import io.spoor.track.EventsApiRoutes;
import io.spoor.track.PerHitCap;
import io.spoor.track.SentEventApplier;
import io.spoor.track.TrackerScriptRoutes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The edge and what it feeds: the ingest log of the settings, the unauthenticated endpoints that
 * append to it (tracking, the Events HTTP API, Segment's Tracking API), and the rules each kind
 * of hit is applied by.
 */
final class EdgeWiring {
  private EdgeWiring() {}

  /**
   * The ingest log of the settings: in local files under the data directory, or on Kafka, where
   * this process applies what it consumes only in a role that applies.
   */
  static IngestLog log(Settings settings, Clock clock) {
    IngestLimits limits = new IngestLimits(settings.get(Settings.QUEUE_CAPACITY),
        settings.get(Settings.MAX_BATCH), settings.get(Settings.MAX_BACKLOG),
        Duration.ofMillis(settings.get(Settings.MAX_WAIT_MS)), Duration.ofMillis(settings.get(Settings.APPLY_INTERVAL_MS)),
        settings.get(Settings.MAX_BACKLOG_BYTES), settings.get(Settings.MAX_BATCH_BYTES));
    Optional<KafkaAddress> kafka = settings.kafka();
    if (kafka.isPresent()) {
      return new KafkaIngestLog(kafka.get(), new KafkaClients(kafka.get(), settings.get(Settings.KAFKA_GROUP),
          Duration.ofMillis(settings.get(Settings.KAFKA_SEND_TIMEOUT_MS)), settings.get(Settings.MAX_BATCH)),
          settings.role().applies(), limits, settings.dataDir(), clock);
    }
    return new FileIngestLog(settings.dataDir().resolve("log"), limits,
        Duration.ofMinutes(settings.get(Settings.LOG_SEGMENT_MAX_AGE_MINUTES)), clock, Ticker.SYSTEM);
  }

  /** The unauthenticated tracking endpoints, the behavioural events API and Segment's Tracking API. */
  static List<Routes> routes(Settings settings, Database db, Stores stores, Portals portals, IngestLog log,
      WriteKeys writeKeys, Metrics metrics, Clock clock) {
    EdgeLimits segmentLimits = new EdgeLimits(settings.get(Settings.SEGMENT_MAX_MESSAGE_BYTES),
        settings.get(Settings.SEGMENT_MAX_REQUEST_BYTES), settings.get(Settings.SEGMENT_MAX_BATCH_MESSAGES));
    return List.of(
        new EventsApiRoutes(log, clock),
        new BeaconRoutes(log, clock, metrics),
        new TrackerScriptRoutes(portals, settings.find(Settings.PUBLIC_URL)),
        new BehavioralEventRoutes(new BehavioralEvents(db, stores.eventDefinitions(), stores.eventDetails(), clock),
            log, clock),
        new SegmentRoutes(writeKeys, segmentLimits, log, clock, metrics.counter("spoor_segment_refused_total",
            "Calls of Segment's Tracking API answered with an error, by status", "status")));
  }

  /** The rules each kind of hit is applied by. */
  static List<HitApplier<?>> appliers(Stores stores, Metrics metrics, Settings settings, Outbox outbox,
      Rollups rollups) {
    CreationLimits limits = creationLimits(settings, stores);
    Counter overCap = metrics.counter("spoor_refused_by_cap_total",
        "Parameters or properties of a hit beyond the per-hit cap, refused", "kind");
    PerHitCap propertyCap = new PerHitCap(settings.get(Settings.MAX_PROPERTIES_PER_EVENT),
        RejectReason.TOO_MANY_PROPERTIES, "properties", overCap);
    EventsApiApplier events = new EventsApiApplier(stores.contacts(), stores.propertyDefinitions(),
        stores.eventDefinitions(), stores.completions(), stores.externalIds(),
        new PerHitCap(settings.get(Settings.MAX_PARAMS_PER_HIT), RejectReason.TOO_MANY_PARAMETERS, "parameters", overCap),
        limits, outbox, rollups);
    BeaconApplier beacons = new BeaconApplier(stores.contacts(), stores.propertyDefinitions(), stores.visitors(),
        stores.eventDefinitions(), stores.completions(),
        metrics.counter("spoor_bot_hits_total", "Beacons from bots, kept out of the analytics"),
        metrics.counter("spoor_untracked_hits_total",
            "Beacons counted but not tracked: cookieless (ce=false), a privacy signal honoured, or a visitor "
                + "who declined consent", "why"),
        stores.eventDetails(), propertyCap, limits, rollups);
    SentEventApplier sentEvents = new SentEventApplier(stores.contacts(), stores.propertyDefinitions(),
        stores.visitors(), stores.eventDefinitions(), stores.eventDetails(), stores.completions(), propertyCap, limits,
        rollups);
    return List.of(events, beacons, sentEvents,
        new EdgeRejections(new SegmentApplier(stores.contacts(), stores.propertyDefinitions(), stores.companies(),
            stores.associations(), stores.eventDefinitions(), stores.segmentIds(), events, sentEvents, beacons, limits,
            outbox)));
  }

  /** What hits from the unauthenticated endpoints may create per portal. */
  private static CreationLimits creationLimits(Settings settings, Stores stores) {
    return new CreationLimits(new CreationLimits.Limits(settings.get(Settings.DYNAMIC_EVENT_DEFINITIONS_MAX),
        settings.get(Settings.DYNAMIC_EVENT_DEFINITIONS_PER_MINUTE), settings.get(Settings.NEW_CONTACTS_PER_MINUTE),
        settings.get(Settings.NEW_VISITORS_PER_MINUTE)), stores.eventDefinitions());
  }

  /**
   * Fills, on a thread of its own, the visitor sketches of days written before they were kept, in
   * a process that applies hits with the rollups on: several processors may all run it, each
   * merging into what is stored.
   */
  static Optional<SketchBackfill> sketchBackfill(Settings settings, Database db, Metrics metrics) {
    if (!settings.role().applies() || settings.get(Settings.REPORT_ROLLUPS) != 1) {
      return Optional.empty();
    }
    SketchBackfill backfill = new SketchBackfill(db, metrics);
    backfill.start();
    return Optional.of(backfill);
  }
}
