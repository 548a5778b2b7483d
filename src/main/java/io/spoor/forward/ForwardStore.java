package io.spoor.forward;

import java.util.List;
import java.util.Optional;

/**
 * Forwarding targets, the outbox and the remote ids of companies. Every method runs inside the
 * caller's transaction ({@code Transactor}); none opens one of its own.
 */
public interface ForwardStore {
  Optional<ForwardTarget> target(long hubId);

  List<ForwardTarget> targets();

  /** Creates or replaces the portal's target, keeping its counts and its outbox; a pause it was in is dropped. */
  void saveTarget(ForwardTarget target, long now);

  /** Removes the target with its outbox and remembered ids; false when there was none. */
  boolean deleteTarget(long hubId);

  /**
   * How many times the portal's target was set or removed, by any process: saving and deleting
   * count one each, in their transaction (the change feed's {@value SqlForwardStore#FEED_SOURCE} row).
   */
  long targetChanges(long hubId);

  void enqueue(long hubId, ForwardCall call, long now);

  /**
   * Takes or renews the lease on delivering the portal's target for {@code owner} (one per
   * process) until {@code until}: true when the owner holds it now, false while another owner's
   * lease runs (it has not passed {@code now}) or there is no target. Of two owners claiming at
   * once only one wins; only the holder sends the target's calls. Run it in a transaction of its
   * own, so the lease is seen by others at once.
   */
  boolean claim(long hubId, String owner, long now, long until);

  /** Gives up the owner's leases (it stops), so another process takes the targets at once. */
  void release(String owner);

  /** Live calls due by {@code now}, oldest first. */
  List<QueuedCall> due(long hubId, long now, int limit);

  /** Takes delivered calls out of the outbox. */
  void delivered(List<Long> ids);

  /** Keeps a call for another try at {@code dueAt}. */
  void retryLater(long id, int attempts, long dueAt, boolean single, String error);

  /** Moves a call to the dead letters. */
  void kill(long id, int attempts, String error);

  /** Adds to the target's counts and records the remote's last answer and the calls made today. */
  void recordAnswer(long hubId, Tally tally);

  /** Keeps a pause the remote asked for (until {@code until}, epoch ms), unless a longer one is kept. */
  void pause(long hubId, long until);

  /** Until when the remote asked the target to pause (epoch ms; 0 for never, or a past time). */
  long pausedUntil(long hubId);

  /**
   * What every process made of the target's pace, read at once: its calls on {@code day} (days
   * since the epoch, UTC) and until when the remote asked it to pause; zeros for no target.
   */
  Pace pace(long hubId, long day);

  /** Queued and dead calls, the delivered and retried counts and the last answer; zeros for no target. */
  ForwardStatus status(long hubId, long inFlight);

  List<QueuedCall> deadLetters(long hubId, long afterId, int limit);

  /** Queues a dead letter again as new; false when the portal has no such dead letter. */
  boolean revive(long hubId, long id, long now);

  boolean deleteDead(long hubId, long id);

  long queuedTotal();

  long deadTotal();

  Optional<String> remoteId(long hubId, String kind, String localKey);

  void rememberRemoteId(long hubId, String kind, String localKey, String remoteId);

  void forgetRemoteId(long hubId, String kind, String localKey);

  /** A target's calls made on one day, and until when it is paused (epoch ms; 0 for never, or a past time). */
  record Pace(long dayCalls, long pausedUntil) {
  }

  /** What one round of delivery adds to a target's counts, and the remote's last answer. */
  record Tally(long delivered, long retried, long day, long dayCalls, Optional<ForwardStatus.LastAnswer> last) {
  }
}
