package io.spoor.ingest;

import io.spoor.portal.Portal;
import io.spoor.portal.PortalStore;
import io.spoor.store.Deferred;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One batch of hits being applied in one transaction: the portals it touches, the deferred
 * writes features gather (flushed in the order first asked for), and every hit's outcome.
 */
public final class Batch {
  private final long now;
  private final PortalStore portals;
  private final Map<Long, Optional<Portal>> portalCache = new HashMap<>();
  private final Map<Class<?>, Deferred> parts = new LinkedHashMap<>();
  private final List<Rejection> rejections = new ArrayList<>();
  private final Map<String, Outcome> outcomes = new LinkedHashMap<>();

  Batch(long now, PortalStore portals) {
    this.now = now;
    this.portals = portals;
  }

  /** The time the batch is applied, epoch ms. */
  public long now() {
    return now;
  }

  public Optional<Portal> portal(long hubId) {
    return portalCache.computeIfAbsent(hubId, portals::find);
  }

  /** The batch's instance of a deferred part, made on first use. */
  public <T extends Deferred> T part(Class<T> type, Supplier<T> make) {
    return type.cast(parts.computeIfAbsent(type, t -> make.get()));
  }

  /**
   * Records that the hit, or one part of it ({@code whole == false}), was not applied. Hits of
   * unknown portals have nowhere to be kept: they are only counted.
   */
  public void reject(Hit hit, RejectReason reason, boolean whole, String detail) {
    Outcome outcome = whole ? Outcome.NOT_APPLIED : Outcome.PARTIALLY_APPLIED;
    outcomes.merge(hit.id(), outcome, (a, b) -> a == Outcome.NOT_APPLIED ? a : b);
    rejections.add(new Rejection(0, hit.hubId(), hit.id(), reason, outcome, detail,
        hit.rawParams(), hit.receivedAt()));
  }

  void applied(Hit hit) {
    outcomes.putIfAbsent(hit.id(), Outcome.APPLIED);
  }

  void duplicate(Hit hit) {
    outcomes.putIfAbsent(hit.id(), Outcome.DUPLICATE);
  }

  void flushParts() {
    parts.values().forEach(Deferred::flush);
  }

  Outcome outcome(Hit hit) {
    return outcomes.getOrDefault(hit.id(), Outcome.DUPLICATE);
  }

  List<Rejection> rejections() {
    return rejections;
  }

  /** Rejections that can be kept: those of portals that exist. */
  List<Rejection> keptRejections() {
    return rejections.stream().filter(r -> portal(r.portalId()).isPresent()).toList();
  }
}
