package io.spoor.forward;

import io.spoor.NotFoundException;
import io.spoor.store.Transactor;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;

/** A portal's forwarding target, its status and its dead letters, each in one transaction. */
public final class Forwarding {
  private final Transactor tx;
  private final ForwardStore store;
  private final ForwardWorker worker;
  private final SqlOutbox outbox;
  private final Clock clock;

  public Forwarding(Transactor tx, ForwardStore store, ForwardWorker worker, SqlOutbox outbox, Clock clock) {
    this.tx = tx;
    this.store = store;
    this.worker = worker;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** A target with what forwarding to it has done. */
  record View(ForwardTarget target, ForwardStatus status, OptionalLong pausedUntil) {
  }

  /** Creates or replaces the target; a pause the old one was in is forgotten. */
  View set(ForwardTarget target) {
    View view = tx.inTransaction(() -> {
      store.saveTarget(target, clock.millis());
      return view(target.hubId());
    });
    outbox.targetChanged(target.hubId());
    worker.forget(target.hubId());
    return new View(view.target(), view.status(), OptionalLong.empty());
  }

  View get(long hubId) {
    return tx.read(() -> view(hubId));
  }

  void delete(long hubId) {
    if (!tx.inTransaction(() -> store.deleteTarget(hubId))) {
      throw none(hubId);
    }
    outbox.targetChanged(hubId);
    worker.forget(hubId);
  }

  List<QueuedCall> deadLetters(long hubId, long afterId, int limit) {
    return tx.read(() -> store.deadLetters(hubId, afterId, limit));
  }

  void retry(long hubId, long id) {
    if (!tx.inTransaction(() -> store.revive(hubId, id, clock.millis()))) {
      throw new NotFoundException("No dead letter " + id + " in this portal", Long.toString(id));
    }
  }

  void deleteDead(long hubId, long id) {
    if (!tx.inTransaction(() -> store.deleteDead(hubId, id))) {
      throw new NotFoundException("No dead letter " + id + " in this portal", Long.toString(id));
    }
  }

  private View view(long hubId) {
    ForwardTarget target = store.target(hubId).orElseThrow(() -> none(hubId));
    long until = Math.max(worker.pausedUntil(hubId).orElse(0), store.pausedUntil(hubId));
    return new View(target, store.status(hubId, worker.inFlight(hubId)),
        until > clock.millis() ? OptionalLong.of(until) : OptionalLong.empty());
  }

  private static NotFoundException none(long hubId) {
    return new NotFoundException("Portal " + hubId + " has no forwarding target", Long.toString(hubId));
  }
}
