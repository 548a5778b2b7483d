package io.spoor.forward;

import io.spoor.store.ChangeFeed;
import io.spoor.store.ChangeWatch;

/**
 * Follows forwarding targets set or removed by other processes (an {@code api} process): the
 * outbox reads the target again for the next hit, and the worker forgets the old one's pace.
 */
public final class TargetChanges implements ChangeWatch.Listener {
  private final SqlOutbox outbox;
  private final ForwardWorker worker;

  public TargetChanges(SqlOutbox outbox, ForwardWorker worker) {
    this.outbox = outbox;
    this.worker = worker;
  }

  @Override
  public void changed(ChangeFeed.Row before, ChangeFeed.Row now) {
    if (now.source().equals(SqlForwardStore.FEED_SOURCE)) {
      outbox.targetChangedElsewhere(now.portalId(), now.changes());
      worker.forget(now.portalId());
    }
  }
}
