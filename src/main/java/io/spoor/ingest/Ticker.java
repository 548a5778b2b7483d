package io.spoor.ingest;

import java.util.function.BooleanSupplier;

/**
 * The time the ingest threads go by: a monotonic now, and waiting on a condition until a
 * deadline of that time. The writer, the applier and the intake read every deadline (the
 * apply interval, the wait for room, the pause between retries) from here, so a test can run
 * them on a time it moves on itself instead of waiting in real time. Thread-safe.
 */
public interface Ticker {
  /** The real monotonic time of the JVM ({@link System#nanoTime()}). */
  Ticker SYSTEM = new SystemTicker();

  /** Nanoseconds from an arbitrary origin; only differences between two readings mean anything. */
  long nanoTime();

  /**
   * Waits until {@code ready} holds or {@link #nanoTime()} reaches {@code deadline}, whichever
   * comes first, and returns whether {@code ready} held. Whatever {@code ready} reads may change
   * without a signal: the ticker checks it again at short intervals of its own choosing.
   */
  boolean awaitUntil(long deadline, BooleanSupplier ready) throws InterruptedException;
}
