package io.spoor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spoor.http.Param;
import io.spoor.ops.Metrics;
import io.spoor.portal.Portal;
import io.spoor.portal.Portals;
import io.spoor.portal.SqlPortalStore;
import io.spoor.portal.SqlTokenStore;
import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import io.spoor.testkit.TestBatchApplier;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the batch applier keeps hits idempotent against a real store: the log position it
 * commits with an in-order batch covers the ids made at the edge, and the ledger keeps only
 * the ids a position cannot cover.
 */
@ExtendWith(TempStore.class)
class BatchApplierLedgerTest {
  private static final long AT = 1_783_669_943_308L;
  private static final String LOG = "test-log";

  @TempDir
  Path dir;
  private Database db;
  private BatchApplier sink;
  private final List<String> applied = new CopyOnWriteArrayList<>();
  private final List<String> appliedEmails = new CopyOnWriteArrayList<>();
  private IngestMetrics metrics;

  @BeforeEach
  void open(Database db) {
    Clock clock = Clock.fixed(Instant.ofEpochMilli(AT), ZoneOffset.UTC);
    this.db = db;
    SqlPortalStore portals = new SqlPortalStore(db);
    new Portals(db, portals, new SqlTokenStore(db, clock), clock).create(1, "Ledger");
    IngestLog unstarted = new FileIngestLog(dir.resolve("log"), new IngestLimits(10, 10, 10, Duration.ZERO),
        FileIngestLog.SEGMENT_MAX_AGE, clock, new ManualTicker());
    metrics = new IngestMetrics(new Metrics(), unstarted);
    sink = TestBatchApplier.of(db, new SqlRejectionStore(db), portals, List.of(new Recording()), metrics, clock);
  }

  @Test
  void aLiveBatchInLogOrderKeepsNoIdMadeAtTheEdgeAndCommitsHowFarTheLogWasApplied() {
    List<Hit> hits = List.of(hit(HitIds.timeOrdered(AT)), hit(HitIds.timeOrdered(AT)));

    sink.apply(hits, new LogPlace.InOrder(LOG, 2, false));

    assertEquals(ids(hits), applied);
    assertEquals(0, ledgerRows());
    assertEquals(2, sink.appliedThrough(LOG));
    assertEquals(0, sink.appliedThrough("another-log"));
  }

  @Test
  void aHitAppliedAloneIsRememberedSoAReplayOfItsBatchSkipsIt() {
    Hit alone = hit(HitIds.timeOrdered(AT));
    Hit next = hit(HitIds.timeOrdered(AT));

    sink.apply(List.of(alone), new LogPlace.Alone());
    assertEquals(1, ledgerRows());
    assertEquals(0, sink.appliedThrough(LOG), "a hit applied alone moves no position");

    sink.apply(List.of(alone, next), new LogPlace.InOrder(LOG, 2, true));
    assertEquals(ids(List.of(alone, next)), applied);
    assertEquals(2, sink.appliedThrough(LOG));
  }

  @Test
  void anIdAClientNamedIsAppliedOnceInWhicheverBatchesItComesAgain() {
    Hit first = hit(HitIds.ofKey("order-1001", 1, AT));
    Hit resent = hit(HitIds.ofKey("order-1001", 1, AT + 5_000));

    sink.apply(List.of(first, first), new LogPlace.InOrder(LOG, 2, false));
    sink.apply(List.of(resent), new LogPlace.InOrder(LOG, 3, false));

    assertEquals(List.of(first.id()), applied);
    assertEquals(1, ledgerRows());
    assertEquals(3, sink.appliedThrough(LOG));
  }

  @Test
  void aKeyReusedWithAnotherHitAppliesThatHitAsNewAndCountsTheReuse() {
    Hit squat = hit(HitIds.ofKey("order-1001", 1, AT), "attacker@example.com");
    Hit real = hit(HitIds.ofKey("order-1001", 1, AT + 1_000), "buyer@example.com");

    sink.apply(List.of(squat), new LogPlace.InOrder(LOG, 1, false));
    sink.apply(List.of(real), new LogPlace.InOrder(LOG, 2, false));
    sink.apply(List.of(real), new LogPlace.InOrder(LOG, 3, false));

    assertEquals(List.of("attacker@example.com", "buyer@example.com"), appliedEmails);
    assertEquals(1, metrics.idempotencyKeysReused());
    assertEquals(2, ledgerRows());
  }

  @Test
  void aKeyReusedWithinOneBatchAppliesBothHitsAndEachRetryOnce() {
    Hit squat = hit(HitIds.ofKey("order-2002", 1, AT), "attacker@example.com");
    Hit real = hit(HitIds.ofKey("order-2002", 1, AT), "buyer@example.com");

    sink.apply(List.of(squat, real, real, squat), new LogPlace.InOrder(LOG, 4, false));
    sink.apply(List.of(real, squat), new LogPlace.Alone());

    assertEquals(List.of("attacker@example.com", "buyer@example.com"), appliedEmails);
    assertEquals(2, applied.stream().distinct().count(), "the reused key's hit is applied under an id of its own");
    assertEquals(1, metrics.idempotencyKeysReused());
  }

  @Test
  void aRetryOfTheSameHitMatchesItsFingerprintWhateverTheReceiveTimeAndParameterOrder() {
    String id = HitIds.ofKey("order-3003", 1, AT);
    Hit first = new EventApiHit(id, 1, AT, "ledger_event", Optional.of("same@example.com"), Optional.empty(),
        Optional.empty(), List.of(new Param("firstname", "Ada"), new Param("city", "Paris")), List.of(), "a");
    Hit retry = new EventApiHit(id, 1, AT + 60_000, "ledger_event", Optional.of("same@example.com"),
        Optional.empty(), Optional.empty(), List.of(new Param("city", "Paris"), new Param("firstname", "Ada")),
        List.of(), "b");

    sink.apply(List.of(first), new LogPlace.InOrder(LOG, 1, false));
    sink.apply(List.of(retry), new LogPlace.InOrder(LOG, 2, false));

    assertEquals(List.of(id), applied);
    assertEquals(0, metrics.idempotencyKeysReused());
  }

  @Test
  void aLedgerRowFromBeforeFingerprintsStillMakesItsKeyADuplicate() {
    String id = HitIds.ofKey("order-4004", 1, AT);
    db.inTransaction(() -> db.handle().createUpdate("INSERT INTO applied_hit (hit_id, applied_at) VALUES (:id, :at)")
        .bind("id", id).bind("at", AT).execute());

    sink.apply(List.of(hit(id, "anyone@example.com")), new LogPlace.InOrder(LOG, 1, false));

    assertEquals(List.of(), applied);
    assertEquals(0, metrics.idempotencyKeysReused());
  }

  @Test
  void aPartitionsBatchCommitsItsNextOffsetAndOneFromAnOffsetThatMovedOnIsFencedAndAppliesNothing() {
    Hit first = hit(HitIds.timeOrdered(AT));
    Hit second = hit(HitIds.timeOrdered(AT));
    sink.apply(List.of(first), new LogPlace.Consumed("hits", 0, AppliedHits.NO_OFFSET, 1));

    assertThrows(LogFencedException.class,
        () -> sink.apply(List.of(first, second), new LogPlace.Consumed("hits", 0, AppliedHits.NO_OFFSET, 2)));
    assertThrows(LogFencedException.class,
        () -> sink.apply(List.of(second), new LogPlace.Consumed("hits", 0, 0, 2)));
    assertEquals(List.of(first.id()), applied, "a fenced batch applies nothing");
    assertEquals(1, sink.nextOffset("hits", 0));

    sink.apply(List.of(second), new LogPlace.Consumed("hits", 0, 1, 2));

    assertEquals(ids(List.of(first, second)), applied);
    assertEquals(2, sink.nextOffset("hits", 0));
    assertEquals(AppliedHits.NO_OFFSET, sink.nextOffset("hits", 1));
    assertEquals(0, ledgerRows(), "the offsets cover the ids made at the edge");
  }

  private long ledgerRows() {
    return db.read(() -> db.handle().createQuery("SELECT COUNT(*) FROM applied_hit").mapTo(Long.class).one());
  }

  private static List<String> ids(List<Hit> hits) {
    return hits.stream().map(Hit::id).toList();
  }

  private static Hit hit(String id) {
    return hit(id, "ledger@example.com");
  }

  private static Hit hit(String id, String email) {
    return new EventApiHit(id, 1, AT, "ledger_event", Optional.of(email), Optional.empty(),
        Optional.empty(), List.of(), List.of(), "_a=1&_n=ledger_event&email=" + email);
  }

  /** The rules of a hit type reduced to noting which hits reached them. */
  private final class Recording implements HitApplier<EventApiHit> {
    @Override
    public Class<EventApiHit> type() {
      return EventApiHit.class;
    }

    @Override
    public void apply(EventApiHit hit, Portal portal, Batch batch) {
      applied.add(hit.id());
      appliedEmails.add(hit.email().orElse(""));
    }
  }
}
