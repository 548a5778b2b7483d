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
  private final Clock clock;

  public SqlOutbox(Transactor tx, ForwardStore store, Clock clock) {
    this.tx = tx;
    this.store = store;
    this.clock = clock;
  }

  @Override
  public void add(long hubId, Origin origin, ForwardCall call) {
    tx.inTransaction(() -> store.target(hubId)
        .filter(target -> origin == Origin.SEGMENT || target.forwardTracking())
        .ifPresent(target -> store.enqueue(hubId, call, clock.millis())));
  }
}
