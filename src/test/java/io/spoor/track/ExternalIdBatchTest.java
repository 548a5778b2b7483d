package io.spoor.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.crm.Contact;
import io.spoor.crm.ContactStore;
import io.spoor.crm.SqlContactStore;
import io.spoor.crm.property.SqlPropertyDefinitionStore;
import io.spoor.events.SqlCompletionStore;
import io.spoor.events.SqlEventDefinitionStore;
import io.spoor.identity.SqlExternalIdStore;
import io.spoor.ingest.BatchApplier;
import io.spoor.ingest.EventApiHit;
import io.spoor.ingest.Hit;
import io.spoor.ingest.IngestMetrics;
import io.spoor.ingest.LogPlace;
import io.spoor.ingest.RejectReason;
import io.spoor.ingest.SqlRejectionStore;
import io.spoor.ops.Metrics;
import io.spoor.portal.Portals;
import io.spoor.portal.SqlPortalStore;
import io.spoor.portal.SqlTokenStore;
import io.spoor.store.Database;
import io.spoor.testkit.NoIngestLog;
import io.spoor.testkit.TempStore;
import io.spoor.testkit.TestBatchApplier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * External ids within one batch of Events HTTP API hits: an id linked by an earlier hit of the
 * batch stands for its contact although that contact is written only when the batch ends.
 */
@ExtendWith(TempStore.class)
class ExternalIdBatchTest {
  private static final long AT = 1_783_669_943_308L;
  private Database db;
  private ContactStore contacts;
  private BatchApplier applier;
  private int hits;

  @BeforeEach
  void open(Database db) {
    Clock clock = Clock.fixed(Instant.ofEpochMilli(AT), ZoneOffset.UTC);
    this.db = db;
    SqlPortalStore portalStore = new SqlPortalStore(db);
    Portals portals = new Portals(db, portalStore, new SqlTokenStore(db, clock), clock);
    portals.create(1, "Batch");
    portals.setCustomEventsEnabled(1, true);
    contacts = new SqlContactStore(db);
    SqlEventDefinitionStore definitions = new SqlEventDefinitionStore(db);
    EventsApiApplier events = new EventsApiApplier(contacts, new SqlPropertyDefinitionStore(db, clock),
        definitions, new SqlCompletionStore(db), new SqlExternalIdStore(db),
        PerHitCap.uncounted(100, RejectReason.TOO_MANY_PARAMETERS, "parameters"), new CreationLimits(CreationLimits.Limits.none(), definitions),
        io.spoor.forward.Outbox.NONE,
        new io.spoor.report.Rollups(db, true, 1_000, new io.spoor.ops.Metrics()));
    applier = TestBatchApplier.of(db, new SqlRejectionStore(db), portalStore, List.of(events),
        new IngestMetrics(new Metrics(), new NoIngestLog()), clock);
  }

  @Test
  void anIdLinkedEarlierInTheBatchStandsForTheContactTheBatchMade() {
    applier.apply(List.of(hit(Optional.of("new@batch.example"), "ext-new"), hit(Optional.empty(), "ext-new")), new LogPlace.Alone());
    assertEquals(2, contact("new@batch.example").analytics().numEventCompletions());
  }

  @Test
  void anIdOfAnArchivedContactIsLinkedAgainAndUsedInTheSameBatch() {
    applier.apply(List.of(hit(Optional.of("old@batch.example"), "ext-moved")), new LogPlace.Alone());
    long old = contact("old@batch.example").id();
    db.inTransaction(() -> contacts.archive(1, List.of(old), AT));
    applier.apply(List.of(hit(Optional.of("next@batch.example"), "ext-moved"), hit(Optional.empty(), "ext-moved")),
        new LogPlace.Alone());
    assertEquals(2, contact("next@batch.example").analytics().numEventCompletions());
    assertTrue(db.read(() -> contacts.find(1, old)).isEmpty());
  }

  private Contact contact(String email) {
    return db.read(() -> contacts.find(1, contacts.idsByEmail(1, List.of(email)).get(email))).orElseThrow();
  }

  private Hit hit(Optional<String> email, String externalId) {
    hits++;
    return new EventApiHit("batch-hit-" + hits, 1, AT, "batch_event", email, Optional.empty(),
        Optional.of(externalId), List.of(), List.of(), "id=" + externalId);
  }
}
