package io.spoor.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spoor.forward.ForwardCall.UpsertContact;
import io.spoor.forward.Outbox.Origin;
import io.spoor.testkit.StoreContract;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Outbox} does: a call is queued for the portal's target, if it has one that
 * takes calls from that origin, exactly when the caller's transaction commits. An
 * implementation's test makes the outbox with a clock standing at {@link #NOW} and, with
 * {@link #alongside}, the forwarding store it queues in, in a store that has portals 1 and 2.
 */
abstract class OutboxContract extends StoreContract<Outbox> {
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final ForwardCall CALL = new UpsertContact("ada@example.com", Map.of("firstname", "Ada"));
  private ForwardStore forwards;

  /** The store the outbox queues its calls in. */
  protected final void alongside(ForwardStore forwards) {
    this.forwards = forwards;
  }

  private List<QueuedCall> queued(long hubId) {
    return read(s -> forwards.due(hubId, Long.MAX_VALUE, 100));
  }

  @Test
  void aCallIsQueuedForThePortalsTargetAtTheTimeItIsAdded() {
    run(s -> forwards.saveTarget(ForwardStoreContract.target(1, false), 0));

    run(s -> s.add(1, Origin.SEGMENT, CALL));

    List<QueuedCall> queued = queued(1);
    assertEquals(List.of(CALL), queued.stream().map(QueuedCall::call).toList());
    assertEquals(NOW.toEpochMilli(), queued.get(0).queuedAt());
  }

  @Test
  void aPortalWithoutATargetQueuesNothing() {
    run(s -> forwards.saveTarget(ForwardStoreContract.target(1, true), 0));

    run(s -> s.add(2, Origin.SEGMENT, CALL));
    run(s -> s.add(2, Origin.TRACKING, CALL));

    assertEquals(List.of(), queued(2));
  }

  @Test
  void trackingHitsAreQueuedOnlyForATargetThatForwardsThem() {
    run(s -> {
      forwards.saveTarget(ForwardStoreContract.target(1, false), 0);
      forwards.saveTarget(ForwardStoreContract.target(2, true), 0);
    });

    run(s -> s.add(1, Origin.TRACKING, CALL));
    run(s -> s.add(2, Origin.TRACKING, CALL));

    assertEquals(List.of(), queued(1));
    assertEquals(1, queued(2).size());
  }

  @Test
  void aCallAddedInATransactionThatFailsIsNotQueued() {
    run(s -> forwards.saveTarget(ForwardStoreContract.target(1, false), 0));

    assertThrows(IllegalStateException.class, () -> run(s -> {
      s.add(1, Origin.SEGMENT, CALL);
      throw new IllegalStateException("the batch failed after the call was added");
    }));

    assertEquals(List.of(), queued(1));
  }
}
