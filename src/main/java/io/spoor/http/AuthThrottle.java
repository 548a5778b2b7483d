package io.spoor.http;

import io.spoor.ops.Counter;
import io.spoor.ops.Metrics;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows token guessing: a client address with {@code maxFailures} failed bearer-token attempts
 * in a minute (a fixed window from its first failure) is refused, without a token lookup,
 * until the window ends. Failures are counted in {@code /metrics} and logged at WARN, at most
 * one line per {@link #LOG_EVERY_MILLIS} whatever the rate, which says how many went unlogged.
 * {@code maxFailures} 0 turns the throttle off (failures are still counted and logged).
 * Behind a proxy every client shares the proxy's address.
 */
public final class AuthThrottle {
  private static final Logger LOG = LoggerFactory.getLogger(AuthThrottle.class);
  static final long WINDOW_MILLIS = 60_000;
  static final long LOG_EVERY_MILLIS = 10_000;
  private static final int MAX_ADDRESSES = 100_000;

  private final int maxFailures;
  private final Clock clock;
  private final Counter failures;
  private final Counter throttled;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final AtomicLong lastLogged = new AtomicLong(-LOG_EVERY_MILLIS);
  private final AtomicLong unlogged = new AtomicLong();

  public AuthThrottle(int maxFailures, Clock clock, Metrics metrics) {
    this.maxFailures = maxFailures;
    this.clock = clock;
    this.failures = metrics.counter("spoor_auth_failures_total", "Bearer tokens that did not authenticate");
    this.throttled = metrics.counter("spoor_auth_throttled_total",
        "Requests refused with 429 because their address failed to authenticate too often");
  }

  private record Window(long start, int failures) {
  }

  /** Seconds until {@code address} may try a token again; 0 when it may now. Counts a refusal. */
  public long retryAfterSeconds(String address) {
    if (maxFailures == 0) {
      return 0;
    }
    Window window = windows.get(address);
    long now = clock.millis();
    if (window == null || window.failures() < maxFailures || now - window.start() >= WINDOW_MILLIS) {
      return 0;
    }
    throttled.inc();
    return Math.max(1, (window.start() + WINDOW_MILLIS - now + 999) / 1000);
  }

  /** Records a bearer token from {@code address} that did not authenticate. */
  public void failed(String address) {
    failures.inc();
    long now = clock.millis();
    if (maxFailures > 0) {
      if (windows.size() >= MAX_ADDRESSES) {
        windows.values().removeIf(w -> now - w.start() >= WINDOW_MILLIS);
        if (windows.size() >= MAX_ADDRESSES) {
          windows.clear();
        }
      }
      windows.compute(address, (a, w) -> w == null || now - w.start() >= WINDOW_MILLIS ? new Window(now, 1)
          : new Window(w.start(), w.failures() + 1));
    }
    long last = lastLogged.get();
    if (now - last >= LOG_EVERY_MILLIS && lastLogged.compareAndSet(last, now)) {
      LOG.warn("a bearer token from {} did not authenticate ({} more failures since the last such line)",
          LogSafe.text(address), unlogged.getAndSet(0));
    } else {
      unlogged.incrementAndGet();
    }
  }
}
