package io.spoor.ingest;

import io.spoor.portal.Portal;
import io.spoor.portal.PortalStore;
import io.spoor.store.Deferred;
import java.util.ArrayList;
import java.util.EnumMap;
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
  private final Map<String, Refusals> refused = new LinkedHashMap<>();
  private final Map<RejectReason, Integer> refusedParts = new EnumMap<>(RejectReason.class);
  private final Map<String, Outcome> outcomes = new LinkedHashMap<>();
  private final Map<String, Hit> appliedAs = new HashMap<>();

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
   * Records that the hit, or one part of it ({@code whole == false}), was not applied. However
   * many parts of a hit are refused, the hit gets one rejection naming them all (the first
   * ten one by one, the rest counted). Hits of unknown portals have
   * nowhere to be kept: they are only counted.
   */
  public void reject(Hit hit, RejectReason reason, boolean whole, String detail) {
    Outcome outcome = whole ? Outcome.NOT_APPLIED : Outcome.PARTIALLY_APPLIED;
    outcomes.merge(hit.id(), outcome, (a, b) -> a == Outcome.NOT_APPLIED ? a : b);
    refusedParts.merge(reason, 1, Integer::sum);
    refused.computeIfAbsent(hit.id(), id -> new Refusals(appliedAs.getOrDefault(id, hit))).add(new RejectedPart(reason, detail), whole);
  }

  /**
   * The hit is about to be applied as another kind of hit under its id (a Segment track as an
   * Events API call): what is refused of it is kept as this hit, with the time it was received
   * and its raw message, not the other kind's.
   */
  public void applyingAs(Hit received) {
    appliedAs.put(received.id(), received);
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

  /** Tells the parts their writes committed. */
  void committed() {
    parts.values().forEach(Deferred::committed);
  }

  Outcome outcome(Hit hit) {
    return outcomes.getOrDefault(hit.id(), Outcome.DUPLICATE);
  }

  /** How many parts were refused, by reason (every part, also those not named one by one). */
  Map<RejectReason, Integer> refusedParts() {
    return refusedParts;
  }

  /** One rejection per refused hit, in the order the hits were first refused. */
  List<Rejection> rejections() {
    List<Rejection> all = new ArrayList<>(refused.size());
    refused.values().forEach(r -> all.add(r.rejection(outcomes.get(r.hit.id()))));
    return all;
  }

  /** Rejections that can be kept: those of portals that exist. */
  List<Rejection> keptRejections() {
    return rejections().stream().filter(r -> portal(r.portalId()).isPresent()).toList();
  }

  /** The refused parts of one hit, gathered into its one rejection. */
  private static final class Refusals {
    static final int PARTS_NAMED = 10;
    private static final int SUMMARY_CHARS = 600;

    private final Hit hit;
    private final List<RejectedPart> named = new ArrayList<>();
    private RejectedPart mostSevere;
    private boolean severeIsWhole;
    private int count;

    Refusals(Hit hit) {
      this.hit = hit;
    }

    void add(RejectedPart part, boolean whole) {
      count++;
      if (named.size() < PARTS_NAMED) {
        named.add(part);
      }
      if (mostSevere == null || whole && !severeIsWhole) {
        mostSevere = part;
        severeIsWhole = whole;
        if (!named.contains(part)) {
          named.set(named.size() - 1, part);
        }
      }
    }

    Rejection rejection(Outcome outcome) {
      return new Rejection(0, hit.hubId(), hit.id(), mostSevere.reason(), outcome, summary(), named,
          count - named.size(), hit.rawParams(), hit.receivedAt());
    }

    /** The one refused part's detail, or the parts' details joined, bounded, with how many more. */
    private String summary() {
      if (count == 1) {
        return mostSevere.detail();
      }
      StringBuilder out = new StringBuilder().append(count).append(" parts refused: ");
      int shown = 0;
      for (RejectedPart part : named) {
        if (out.length() + part.detail().length() > SUMMARY_CHARS) {
          break;
        }
        out.append(shown == 0 ? "" : "; ").append(part.detail());
        shown++;
      }
      if (shown < count) {
        out.append(shown == 0 ? "" : "; ").append("…and ").append(count - shown).append(" more");
      }
      return out.toString();
    }
  }
}
