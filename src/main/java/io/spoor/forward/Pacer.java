package io.spoor.forward;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One target's pace: at most {@code secondly} requests in any rolling window of 1.05 s, counted
 * from each request's answer (so the remote, counting arrivals, never sees more in its second),
 * at most {@code daily} per UTC day, and none while the remote asked for a pause. Not thread-safe:
 * the delivery worker owns it (others only read {@link #pausedUntil}).
 */
final class Pacer {
  static final long WINDOW_MS = 1_050;
  static final long DAY_MS = 86_400_000L;
  private final Deque<Long> recent = new ArrayDeque<>();
  private int secondly;
  private long daily;
  private long day;
  private long dayCalls;
  /** Read by the status answer's thread too. */
  private volatile long pausedUntil;

  Pacer(int secondly, long daily, long day, long dayCalls) {
    this.secondly = secondly;
    this.daily = daily;
    this.day = day;
    this.dayCalls = dayCalls;
  }

  void limits(int secondly, long daily) {
    this.secondly = secondly;
    this.daily = daily;
  }

  /** Milliseconds until a request may go; 0 for now. */
  long waitMillis(long now) {
    if (pausedUntil > now) {
      return pausedUntil - now;
    }
    if (Math.floorDiv(now, DAY_MS) != day) {
      day = Math.floorDiv(now, DAY_MS);
      dayCalls = 0;
    }
    if (dayCalls >= daily) {
      pausedUntil = nextMidnight(now);
      return pausedUntil - now;
    }
    while (!recent.isEmpty() && recent.peekFirst() <= now - WINDOW_MS) {
      recent.removeFirst();
    }
    return recent.size() < secondly ? 0 : recent.peekFirst() + WINDOW_MS - now;
  }

  /** Counts a request made at {@code now}. */
  void sent(long now) {
    recent.addLast(now);
    dayCalls++;
  }

  /**
   * The last request's answer came at {@code now}: its place in the window moves there. The
   * request reached the remote at some time between, so pacing from the answer keeps any
   * {@code secondly + 1} requests a full window apart however long each took to get there.
   */
  void answered(long now) {
    if (!recent.isEmpty()) {
      recent.removeLast();
      recent.addLast(now);
    }
  }

  /**
   * Takes in what the store knows from every process: the target's calls on {@code today} (when
   * more than counted here; another process sent them) and a pause it was asked for.
   */
  void follow(long today, long todayCalls, long pausedUntil) {
    if (today != day) {
      day = today;
      dayCalls = 0;
    }
    dayCalls = Math.max(dayCalls, todayCalls);
    pauseUntil(pausedUntil);
  }

  void pauseUntil(long at) {
    pausedUntil = Math.max(pausedUntil, at);
  }

  long pausedUntil() {
    return pausedUntil;
  }

  long day() {
    return day;
  }

  long dayCalls() {
    return dayCalls;
  }

  static long nextMidnight(long now) {
    return (Math.floorDiv(now, DAY_MS) + 1) * DAY_MS;
  }
}
