package io.spoor.segment;

import io.spoor.crm.Company;
import io.spoor.crm.Contact;
import io.spoor.crm.ObjectType;
import io.spoor.crm.SqlAssociationStore;
import io.spoor.crm.SqlCompanyStore;
import io.spoor.crm.SqlContactStore;
import io.spoor.crm.property.SqlPropertyDefinitionStore;
import io.spoor.events.CompletionStore;
import io.spoor.events.SqlCompletionStore;
import io.spoor.events.SqlEventDefinitionStore;
import io.spoor.events.SqlEventDetailsStore;
import io.spoor.forward.ForwardCall;
import io.spoor.forward.Outbox;
import io.spoor.report.Rollups;
import io.spoor.identity.PageView;
import io.spoor.identity.SqlExternalIdStore;
import io.spoor.identity.SqlVisitorStore;
import io.spoor.ingest.BatchApplier;
import io.spoor.ingest.Hit;
import io.spoor.ingest.HitIds;
import io.spoor.ingest.IngestMetrics;
import io.spoor.ingest.LogPlace;
import io.spoor.ingest.RejectReason;
import io.spoor.ingest.Rejection;
import io.spoor.ingest.SegmentHit;
import io.spoor.ingest.SqlRejectionStore;
import io.spoor.ops.Metrics;
import io.spoor.portal.Portals;
import io.spoor.portal.SqlPortalStore;
import io.spoor.portal.SqlTokenStore;
import io.spoor.store.Database;
import io.spoor.testkit.NoIngestLog;
import io.spoor.testkit.TestBatchApplier;
import io.spoor.track.BeaconApplier;
import io.spoor.track.CreationLimits;
import io.spoor.track.EventsApiApplier;
import io.spoor.track.PerHitCap;
import io.spoor.track.SentEventApplier;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The Segment applier with the real stores over a fresh SQLite file, the same tracking appliers
 * as the server's, and an outbox that records what it is given. Messages go straight to the
 * batch applier, as the ingest log would deliver them.
 */
final class SegmentFixture {
  static final long HUB = 1;
  /** The applier's clock and every hit's receive time. */
  static final long NOW = 1_780_000_000_000L;

  final Database db;
  final SqlContactStore contacts;
  final SqlCompanyStore companies;
  final SqlPropertyDefinitionStore properties;
  final SqlEventDefinitionStore definitions;
  final SqlEventDetailsStore details;
  final SqlCompletionStore completions;
  final SqlVisitorStore visitors;
  final SqlSegmentIds ids;
  final SqlAssociationStore associations;
  final Portals portals;
  final List<ForwardCall> outbox = new ArrayList<>();
  private final SqlRejectionStore rejections;
  private final BatchApplier applier;

  SegmentFixture(Database db) {
    this(db, CreationLimits.Limits.none());
  }

  SegmentFixture(Database db, CreationLimits.Limits limits) {
    Clock clock = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
    this.db = db;
    SqlPortalStore portalStore = new SqlPortalStore(db);
    portals = new Portals(db, portalStore, new SqlTokenStore(db, clock), clock);
    if (db.read(() -> portalStore.find(HUB)).isEmpty()) {
      portals.create(HUB, "Segment");
      portals.setCustomEventsEnabled(HUB, true);
    }
    contacts = new SqlContactStore(db);
    companies = new SqlCompanyStore(db);
    properties = new SqlPropertyDefinitionStore(db, clock);
    definitions = new SqlEventDefinitionStore(db);
    details = new SqlEventDetailsStore(db);
    completions = new SqlCompletionStore(db);
    visitors = new SqlVisitorStore(db);
    ids = new SqlSegmentIds(db);
    associations = new SqlAssociationStore(db);
    rejections = new SqlRejectionStore(db);
    CreationLimits creation = new CreationLimits(limits, definitions);
    Rollups rollups = new Rollups(db, true, 1_000, new io.spoor.ops.Metrics());
    PerHitCap cap = PerHitCap.uncounted(100, RejectReason.TOO_MANY_PROPERTIES, "properties");
    EventsApiApplier events = new EventsApiApplier(contacts, properties, definitions, completions,
        new SqlExternalIdStore(db), cap, creation, Outbox.NONE, rollups);
    Metrics metrics = new Metrics();
    BeaconApplier beacons = new BeaconApplier(contacts, properties, visitors, definitions, completions,
        metrics.counter("bots", ""), metrics.counter("untracked", "", "why"), details, cap, creation, rollups);
    SentEventApplier sent = new SentEventApplier(contacts, properties, visitors, definitions, details, completions,
        cap, creation, rollups);
    Outbox recording = (hubId, origin, call) -> outbox.add(call);
    SegmentApplier segment = new SegmentApplier(contacts, properties, companies, associations, definitions, ids, events, sent,
        beacons, creation, recording);
    applier = TestBatchApplier.of(db, rejections, portalStore, List.of(events, beacons, sent, segment),
        new IngestMetrics(metrics, new NoIngestLog()), clock);
  }

  /** Applies the messages as one batch, each received now and happened at its {@code timestamp} (ms), else now. */
  void apply(String... messages) {
    List<Hit> hits = new ArrayList<>();
    for (String message : messages) {
      hits.add(hit(message));
    }
    applier.apply(hits, new LogPlace.Alone());
  }

  /** Applies the hits as one batch. */
  void apply(Hit... hits) {
    applier.apply(List.of(hits), new LogPlace.Alone());
  }

  static SegmentHit hit(String message) {
    String type = "";
    long at = NOW;
    try {
      JsonObject json = new JsonObject(message);
      type = json.getValue("type") instanceof String t ? t : "";
      at = json.getValue("timestamp") instanceof Number n ? n.longValue() : NOW;
    } catch (RuntimeException e) {
      // not an object: the applier says so
    }
    return new SegmentHit(HitIds.timeOrdered(NOW), HUB, NOW, type, message, at, HitIds.bounded(message));
  }

  Optional<Contact> findContact(String email) {
    return db.read(() -> Optional.ofNullable(contacts.idsByEmail(HUB, List.of(email)).get(email))
        .flatMap(id -> contacts.find(HUB, id)));
  }

  Contact contact(String email) {
    return findContact(email).orElseThrow(() -> new AssertionError("no contact " + email));
  }

  Map<String, String> properties(String email) {
    return contact(email).properties();
  }

  Optional<Company> findCompany(String domain) {
    return db.read(() -> Optional.ofNullable(companies.idsByKey(HUB, List.of(domain)).get(domain))
        .flatMap(id -> companies.find(HUB, id)));
  }

  List<Long> companiesOf(long contactId) {
    return db.read(() -> associations.associated(HUB, List.of(contactId), ObjectType.COMPANY)
        .getOrDefault(contactId, List.of()));
  }

  List<CompletionStore.CompletedEvent> events(String email) {
    long id = contact(email).id();
    return db.read(() -> completions.forContact(HUB, id, 100, 0));
  }

  List<PageView> pageViews(String email) {
    long id = contact(email).id();
    return db.read(() -> visitors.pageViewsOf(HUB, id, 100, 0));
  }

  List<Rejection> rejections() {
    return db.read(() -> rejections.list(HUB, 100, OptionalLong.empty()));
  }

  /** The only rejection kept. */
  Rejection rejection() {
    List<Rejection> all = rejections();
    if (all.size() != 1) {
      throw new AssertionError("expected one rejection, got " + all);
    }
    return all.get(0);
  }

  /** Whether some refused part of some rejection has this reason. */
  boolean refused(RejectReason reason) {
    return rejections().stream().anyMatch(r -> r.reason() == reason
        || r.parts().stream().anyMatch(p -> p.reason() == reason));
  }

  /** A custom contact property of the portal. */
  void contactProperty(String name, String type, String fieldType) {
    db.inTransaction(() -> properties.create(HUB, ObjectType.CONTACT, new io.spoor.crm.PropertyDefinition(name, name,
        io.spoor.crm.PropertyType.valueOf(type), fieldType, "contactinformation", "", List.of(), false, false, false,
        false)));
  }
}
