package io.spoor.testkit;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Reads state that arrives asynchronously (deliveries by the worker) until it satisfies a condition. */
public final class Polling {
  private static final Duration POLL = Duration.ofMillis(100);

  private Polling() {
  }

  /** The first value {@code read} gives that satisfies {@code ok}; fails with the last value after {@code timeout}. */
  public static <T> T until(String what, Duration timeout, Supplier<T> read, Predicate<? super T> ok) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = read.get();
    while (!ok.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + "; last read: " + last);
      }
      LockSupport.parkNanos(POLL.toNanos());
      last = read.get();
    }
    return last;
  }
}
