package io.spoor.forward;

import io.spoor.store.Transactor;
import java.time.Clock;

/**
 * The outbox in the store: a call is written in the caller's transaction (the applier's batch),
 * so it is queued exactly when its hit is applied; called outside one, it opens its own.
 */
public final class SqlOutbox implements Outbox {
  private final Transactor tx;
  private final ForwardStore store;
  private final ForwardTargets targets;
  private final Clock clock;

  public SqlOutbox(Transactor tx, ForwardStore store, Clock clock) {
    this.tx = tx;
    this.store = store;
    this.targets = new ForwardTargets(store);
    this.clock = clock;
  }

  /** Tells the outbox that the portal's target was set or removed (the target is read once, then kept). */
  public void targetChanged(long hubId) {
    targets.changed(hubId);
  }

  /** Tells the outbox that another process changed the portal's target, {@code version} times in all. */
  void targetChangedElsewhere(long hubId, long version) {
    targets.changedElsewhere(hubId, version);
  }

  @Override
  public void add(long hubId, Origin origin, ForwardCall call) {
    tx.inTransaction(() -> targets.of(hubId)
        .filter(target -> origin == Origin.SEGMENT || target.forwardTracking())
        .ifPresent(target -> store.enqueue(hubId, call, clock.millis())));
  }
}
