package io.spoor.ingest;

import io.spoor.portal.Portal;
import io.spoor.portal.PortalStore;
import io.spoor.store.StoreException;
import io.spoor.store.Transactor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a batch of hits in one transaction: skips ids already applied, hands each new hit to
 * the applier of its type, flushes the coalesced writes, keeps the rejections, records how far
 * the log was applied, commits. Runs
 * on the log's single delivery thread, so it keeps its small bookkeeping without locks.
 */
public final class BatchApplier implements BatchSink {
  private static final Duration LEDGER_RETENTION = Duration.ofDays(7);
  private static final long LEDGER_SWEEP_MILLIS = Duration.ofMinutes(10).toMillis();
  /** What a rejection keeps instead of its raw parameters once its batch's budget is spent. */
  static final String OVER_BUDGET = "[not kept: the batch's rejections were over their byte budget]";
  /** How often a batch that lost a race is run again, unless told. */
  public static final int DEFAULT_CONFLICT_RETRIES = 8;

  private final Transactor tx;
  private final AppliedHits ledger;
  private final RejectionStore rejectionStore;
  private final PortalStore portals;
  private final Map<Class<?>, HitApplier<?>> appliers = new HashMap<>();
  private final IngestMetrics metrics;
  private final Clock clock;
  private final RejectionLimits rejectionLimits;
  private final Optional<AppliedFeed> feed;
  private final int conflictRetries;
  /** Per portal, at least as many rejections as it stores (more after a delete elsewhere). */
  private final Map<Long, Integer> rejectionsStored = new HashMap<>();
  private long lastSweep;

  /**
   * {@code conflictRetries}: how many times a batch whose transaction lost a race with another
   * writer's ({@link StoreException#conflict()}) is run again from the start before it fails.
   * With {@code feed}, each batch counts its hits per portal in the change feed, for other
   * processes to see.
   */
  public BatchApplier(Transactor tx, AppliedHits ledger, RejectionStore rejectionStore,
      PortalStore portals, List<HitApplier<?>> appliers, IngestMetrics metrics, Clock clock,
      RejectionLimits rejectionLimits, int conflictRetries, Optional<AppliedFeed> feed) {
    this.tx = tx;
    this.feed = feed;
    this.ledger = ledger;
    this.rejectionStore = rejectionStore;
    this.portals = portals;
    appliers.forEach(a -> this.appliers.put(a.type(), a));
    this.metrics = metrics;
    this.clock = clock;
    this.rejectionLimits = rejectionLimits;
    if (conflictRetries < 0) {
      throw new IllegalArgumentException("conflictRetries must be at least 0, was " + conflictRetries);
    }
    this.conflictRetries = conflictRetries;
    this.lastSweep = clock.millis();
  }

  @Override
  public void apply(List<Hit> hits, LogPlace place) {
    long started = System.nanoTime();
    Applied applied;
    try {
      applied = inRetriedTransaction(hits, place);
    } catch (RuntimeException e) {
      rejectionsStored.clear();
      metrics.failedBatch();
      throw e;
    }
    Batch batch = applied.batch();
    batch.committed();
    metrics.batch(hits.size(), System.nanoTime() - started);
    applied.hits().forEach(hit -> metrics.hit(hit, batch.outcome(hit)));
    batch.refusedParts().forEach(metrics::rejections);
    metrics.idempotencyKeysReused(applied.keysReused());
  }

  /**
   * Applies the batch in a transaction, run again from the start (with new per-batch state) when
   * it lost a race with another writer: another processor took a new key first (a contact's
   * email, a Segment id, a hit id), or the two deadlocked. Run again, it sees the other's rows
   * and decides as if it had come second. A batch is idempotent (its applied hit ids and log
   * place commit with it), so running it again applies nothing twice.
   */
  private Applied inRetriedTransaction(List<Hit> hits, LogPlace place) {
    for (int attempt = 0; ; attempt++) {
      try {
        return tx.inTransaction(() -> applyInTransaction(hits, place));
      } catch (StoreException e) {
        Optional<String> conflict = e.conflict();
        if (conflict.isEmpty() || attempt >= conflictRetries) {
          throw e;
        }
        metrics.conflict(conflict.get());
        rejectionsStored.clear();
        pause(attempt);
      }
    }
  }

  /** A short random pause before running a batch again, so two racing processors fall out of step. */
  private static void pause(int attempt) {
    long bound = 1L << Math.min(attempt + 1, 6);
    try {
      Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(bound));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a batch", e);
    }
  }

  @Override
  public long appliedThrough(String log) {
    return tx.read(() -> ledger.position(log));
  }

  @Override
  public long nextOffset(String topic, int partition) {
    return tx.read(() -> ledger.nextOffset(topic, partition));
  }

  private Applied applyInTransaction(List<Hit> received, LogPlace place) {
    long now = clock.millis();
    // the wall time, as the report rollups stamp their rows with it: no row of this batch is older
    long began = System.currentTimeMillis();
    // first, so a fenced processor gives up before doing any work, and holds the write lock from here on
    if (place instanceof LogPlace.Consumed c && !ledger.moveOffset(c.topic(), c.partition(), c.from(), c.next())) {
      throw new LogFencedException(c.topic(), c.partition(), c.from());
    }
    Batch batch = new Batch(now, portals);
    Keyed keyed = keyed(received);
    List<Hit> hits = keyed.hits();
    Set<String> fresh = fresh(keyed, place, now);
    prepare(hits, fresh, batch);
    for (Hit hit : hits) {
      if (fresh.remove(hit.id())) {
        Optional<Portal> portal = batch.portal(hit.hubId());
        if (portal.isPresent()) {
          applierFor(hit).apply(hit, portal.get(), batch);
        } else {
          batch.reject(hit, RejectReason.UNKNOWN_PORTAL, true, "no portal with hub id " + hit.hubId());
        }
        batch.applied(hit);
      } else {
        batch.duplicate(hit);
      }
    }
    batch.flushParts();
    keep(batch.keptRejections());
    feed.ifPresent(f -> f.applied(received, began));
    if (place instanceof LogPlace.InOrder inOrder) {
      ledger.advance(inOrder.log(), inOrder.through());
    }
    if (now - lastSweep > LEDGER_SWEEP_MILLIS) {
      ledger.forgetBefore(now - LEDGER_RETENTION.toMillis());
      lastSweep = now;
    }
    return new Applied(batch, hits, keyed.reused());
  }

  /**
   * The batch's hits under the ids they are applied by. A client's key is bound to the
   * fingerprint of the first hit it came with: a hit with the key and the same fingerprint is
   * that hit again (a duplicate), and one with another fingerprint is another hit, which takes
   * an id derived from the key and its own fingerprint (so it is applied once, and a squatter
   * who sent the key first suppresses nothing). A ledger row from before fingerprints were kept
   * binds its key to any hit, as it did.
   */
  private Keyed keyed(List<Hit> received) {
    List<String> asked = new ArrayList<>();
    List<String> prints = new ArrayList<>(received.size());
    List<String> ownIds = new ArrayList<>(received.size());
    for (Hit hit : received) {
      String print = HitIds.madeAtEdge(hit.id()) ? null : HitFingerprints.of(hit);
      String own = print == null ? null : HitIds.ofReusedKey(hit.id(), print);
      prints.add(print);
      ownIds.add(own);
      if (print != null) {
        asked.add(hit.id());
        asked.add(own);
      }
    }
    Map<String, Optional<String>> recorded = asked.isEmpty() ? Map.of() : ledger.recorded(asked);
    Map<String, String> fingerprints = new HashMap<>();
    List<Hit> hits = new ArrayList<>(received.size());
    int reused = 0;
    for (int i = 0; i < received.size(); i++) {
      Hit hit = received.get(i);
      String print = prints.get(i);
      if (print == null) {
        hits.add(hit);
        continue;
      }
      String key = hit.id();
      String own = ownIds.get(i);
      Optional<String> boundTo = recorded.containsKey(key) ? recorded.get(key)
          : Optional.ofNullable(fingerprints.get(key)).or(() -> Optional.of(print));
      boolean seenUnderItsOwnId = recorded.containsKey(own) || fingerprints.containsKey(own);
      if (seenUnderItsOwnId || boundTo.filter(bound -> !bound.equals(print)).isPresent()) {
        if (!seenUnderItsOwnId) {
          fingerprints.put(own, print);
          reused++;
        }
        hits.add(HitFingerprints.withId(hit, own));
      } else {
        fingerprints.putIfAbsent(key, print);
        hits.add(hit);
      }
    }
    return new Keyed(hits, fingerprints, recorded, reused);
  }

  /**
   * The ids of the batch to apply, each once, in order; records in the ledger those its place
   * in the log cannot vouch for. An id made at the edge belongs to one log record, so in a
   * live in-order batch it is new, and the stored position covers it from then on; a replayed
   * batch may hold hits applied alone before, and a hit applied alone is remembered by id.
   * An id a client named may come again in any record, so it is always checked (by
   * {@link #keyed}) and recorded, with its fingerprint.
   */
  private Set<String> fresh(Keyed keyed, LogPlace place, long now) {
    Set<String> fresh = new LinkedHashSet<>();
    keyed.hits().forEach(hit -> fresh.add(hit.id()));
    boolean checkAll = place instanceof LogPlace.Alone || place instanceof LogPlace.InOrder inOrder && inOrder.replayed();
    boolean recordAll = place instanceof LogPlace.Alone;
    fresh.removeAll(keyed.recorded().keySet());
    if (checkAll) {
      List<String> madeAtEdge = fresh.stream().filter(HitIds::madeAtEdge).toList();
      if (!madeAtEdge.isEmpty()) {
        fresh.removeAll(ledger.recorded(madeAtEdge).keySet());
      }
    }
    ledger.record(recordAll ? fresh : clientNamed(fresh), keyed.fingerprints(), now);
    return fresh;
  }

  /** The batch's hits under the ids they are applied by, the fingerprints to record, keys reused. */
  private record Keyed(List<Hit> hits, Map<String, String> fingerprints, Map<String, Optional<String>> recorded,
      int reused) {
  }

  /** A committed batch, the hits it applied (under the ids they were applied by) and the keys reused. */
  private record Applied(Batch batch, List<Hit> hits, int keysReused) {
  }

  private static List<String> clientNamed(Collection<String> ids) {
    return ids.stream().filter(id -> !HitIds.madeAtEdge(id)).toList();
  }

  /**
   * Adds the batch's rejections within the bounds: each portal keeps its newest ones, room is
   * made by trimming its oldest before they are added, and once the batch's byte budget is
   * spent the rest are kept without their raw parameters.
   */
  private void keep(List<Rejection> rejections) {
    Map<Long, List<Rejection>> byPortal = new LinkedHashMap<>();
    rejections.forEach(r -> byPortal.computeIfAbsent(r.portalId(), p -> new ArrayList<>()).add(r));
    List<Rejection> kept = new ArrayList<>(rejections.size());
    byPortal.forEach((portal, ofPortal) -> {
      List<Rejection> newest = ofPortal.subList(Math.max(0, ofPortal.size() - rejectionLimits.keptPerPortal()),
          ofPortal.size());
      makeRoom(portal, newest.size());
      kept.addAll(newest);
    });
    rejectionStore.add(withinBudget(kept));
  }

  private void makeRoom(long portal, int incoming) {
    int limit = rejectionLimits.keptPerPortal();
    int stored = rejectionsStored.computeIfAbsent(portal, rejectionStore::count);
    if (stored + incoming > limit) {
      int deleted = rejectionStore.trim(portal, limit - incoming);
      stored = Math.min(stored - deleted, limit - incoming);
    }
    rejectionsStored.put(portal, stored + incoming);
  }

  private List<Rejection> withinBudget(List<Rejection> rejections) {
    List<Rejection> out = new ArrayList<>(rejections.size());
    long spent = 0;
    for (Rejection r : rejections) {
      Rejection stored = spent + r.bytes() <= rejectionLimits.bytesPerBatch() ? r : r.compact(OVER_BUDGET);
      spent += stored.bytes();
      out.add(stored);
    }
    return out;
  }

  /** Lets each applier look at its new hits together before they are applied one by one. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void prepare(List<Hit> hits, Set<String> fresh, Batch batch) {
    Map<Class<?>, List<Hit>> byType = new HashMap<>();
    Set<String> seen = new java.util.HashSet<>();
    for (Hit hit : hits) {
      if (fresh.contains(hit.id()) && seen.add(hit.id())) {
        byType.computeIfAbsent(hit.getClass(), t -> new java.util.ArrayList<>()).add(hit);
      }
    }
    byType.forEach((type, ofType) -> ((HitApplier) applierFor(ofType.get(0))).prepare(ofType, batch));
  }

  @SuppressWarnings("unchecked")
  private <H extends Hit> HitApplier<H> applierFor(H hit) {
    HitApplier<H> applier = (HitApplier<H>) appliers.get(hit.getClass());
    if (applier == null) {
      throw new IllegalStateException("no applier for " + hit.getClass().getSimpleName());
    }
    return applier;
  }
}
