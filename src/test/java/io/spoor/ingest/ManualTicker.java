package io.spoor.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

/**
 * A {@link Ticker} whose time stands still until the test moves it on, and which tells the
 * test the deadlines the log's threads are waiting for. A wait ends at once when time is moved
 * past its deadline; its condition is checked again every millisecond of real time, as the
 * threads that change it do not signal the ticker.
 */
final class ManualTicker implements Ticker {
  private static final long RECHECK_MILLIS = 1;

  private long now;
  /** The deadlines of the threads waiting now; guarded by this. */
  private final List<Long> waiting = new ArrayList<>();

  @Override
  public synchronized long nanoTime() {
    return now;
  }

  @Override
  public synchronized boolean awaitUntil(long deadline, BooleanSupplier ready) throws InterruptedException {
    waiting.add(deadline);
    notifyAll();
    try {
      while (!ready.getAsBoolean()) {
        if (now - deadline >= 0) {
          return false;
        }
        wait(RECHECK_MILLIS);
      }
      return true;
    } finally {
      waiting.remove(Long.valueOf(deadline));
    }
  }

  synchronized void advance(Duration by) {
    now += by.toNanos();
    notifyAll();
  }

  /**
   * The earliest deadline a thread waits for, waiting up to {@code within} (real time) for a
   * thread to wait; empty if none did.
   */
  synchronized OptionalLong nextDeadline(Duration within) throws InterruptedException {
    long end = System.nanoTime() + within.toNanos();
    for (long left; waiting.isEmpty(); ) {
      if ((left = end - System.nanoTime()) <= 0) {
        return OptionalLong.empty();
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return OptionalLong.of(Collections.min(waiting));
  }

  /**
   * Moves time on to each deadline a thread waits for, one after another, until {@code done}:
   * the log's pauses pass without the test waiting them out.
   */
  void passWaitsUntil(BooleanSupplier done) throws InterruptedException {
    while (!done.getAsBoolean()) {
      OptionalLong next = nextDeadline(Duration.ofMillis(10));
      if (next.isPresent()) {
        synchronized (this) {
          now = Math.max(now, next.getAsLong());
          notifyAll();
        }
      }
    }
  }
}
