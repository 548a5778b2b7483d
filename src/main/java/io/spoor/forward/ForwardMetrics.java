package io.spoor.forward;

import io.spoor.ops.Counter;
import io.spoor.ops.Metrics;
import io.spoor.store.Transactor;

/** Forwarding in /metrics: calls delivered, retried and dead, and the outbox's depth. No label names a target. */
public final class ForwardMetrics {
  private final Counter settled;

  public ForwardMetrics(Metrics metrics) {
    this.settled = metrics.counter("spoor_forward_calls_total",
        "Forwarded calls by what the remote's answer made of them: delivered, retried, dead", "outcome");
  }

  /** Adds the outbox gauges, read from the store, and the calls in flight. */
  public void watch(Metrics metrics, Transactor tx, ForwardStore store, ForwardWorker worker) {
    metrics.gauge("spoor_forward_queued", "Forward calls waiting in the outbox (in flight included)",
        () -> tx.read(store::queuedTotal));
    metrics.gauge("spoor_forward_dead", "Forward calls in the dead-letter list", () -> tx.read(store::deadTotal));
    metrics.gauge("spoor_forward_in_flight", "Forward calls being sent now", worker::inFlight);
  }

  void settled(Verdict verdict, long calls) {
    if (calls > 0) {
      settled.add(calls, switch (verdict) {
        case DELIVERED -> "delivered";
        case FAILED -> "dead";
        default -> "retried";
      });
    }
  }
}
