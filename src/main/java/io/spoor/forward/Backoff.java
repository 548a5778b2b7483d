package io.spoor.forward;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed call again: {@code first} doubled for each earlier try up to {@code max},
 * each delay drawn between its half and itself (jitter, so calls that failed together do not
 * return together), never sooner than the remote's {@code Retry-After}; and when to stop:
 * {@code retryFor} after the call was queued.
 */
public record Backoff(Duration first, Duration max, Duration retryFor, DoubleSupplier random) {

  /** Jitter from a thread-local random. */
  public static Backoff of(Duration first, Duration max, Duration retryFor) {
    return new Backoff(first, max, retryFor, () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
  }

  /** The delay before try {@code attempts + 1}, given the remote's wish in milliseconds (0 for none). */
  long delayMillis(int attempts, long retryAfterMillis) {
    double doubled = first.toMillis() * Math.pow(2, Math.max(0, Math.min(attempts - 1, 30)));
    long capped = (long) Math.min(doubled, max.toMillis());
    long jittered = (long) (capped * (0.5 + random.getAsDouble() / 2));
    return Math.max(jittered, retryAfterMillis);
  }

  /** True when a call queued at {@code queuedAt} may still be tried at {@code at}. */
  boolean within(long queuedAt, long at) {
    return at <= queuedAt + retryFor.toMillis();
  }
}
