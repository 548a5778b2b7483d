package io.spoor.ingest;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** The JVM's monotonic time; a wait checks its condition again every few milliseconds. */
final class SystemTicker implements Ticker {
  private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public boolean awaitUntil(long deadline, BooleanSupplier ready) throws InterruptedException {
    for (long left; !ready.getAsBoolean(); ) {
      if ((left = deadline - System.nanoTime()) <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.sleep(Math.min(left, RECHECK_NANOS));
    }
    return true;
  }
}
