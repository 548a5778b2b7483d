package io.spoor.forward;

/**
 * Where appliers put the calls to forward. Called on the applier thread inside the batch's
 * transaction, so a call is queued exactly when the hit it came from is applied.
 */
public interface Outbox {
  /** Forwards nothing. */
  Outbox NONE = (hubId, origin, call) -> { };

  /**
   * Queues the call for the portal's forwarding target; does nothing when the portal has none,
   * or when the target does not take calls from this origin.
   */
  void add(long hubId, Origin origin, ForwardCall call);

  /** What a call came from: a target forwards Segment calls always, tracking hits only when asked to. */
  enum Origin {
    SEGMENT,
    TRACKING
  }
}
