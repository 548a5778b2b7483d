package io.spoor.dashboard;

import io.spoor.ops.Counter;
import io.spoor.ops.Metrics;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: an email, or a client address, with {@code maxFailures} failed
 * sign-ins in a window of {@link #WINDOW_MILLIS} (from its first failure) is refused, without
 * a password check, until the window ends. Counted in {@code /metrics}. 0 turns it off.
 */
final class SignInThrottle {
  static final long WINDOW_MILLIS = 15 * 60_000;
  private static final int MAX_KEYS = 100_000;

  private final int maxFailures;
  private final Clock clock;
  private final Counter failures;
  private final Counter throttled;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  SignInThrottle(int maxFailures, Clock clock, Metrics metrics) {
    this.maxFailures = maxFailures;
    this.clock = clock;
    this.failures = metrics.counter("spoor_dashboard_sign_in_failures_total",
        "Dashboard sign-ins with a wrong email or password");
    this.throttled = metrics.counter("spoor_dashboard_sign_in_throttled_total",
        "Dashboard sign-ins refused with 429 because the email or address failed too often");
  }

  private record Window(long start, int failures) {
  }

  /** Seconds until this email and address may try again; 0 when they may now. Counts a refusal. */
  long retryAfterSeconds(String email, String address) {
    long wait = Math.max(wait(emailKey(email)), wait("address:" + address));
    if (wait > 0) {
      throttled.inc();
    }
    return wait;
  }

  private long wait(String key) {
    Window window = windows.get(key);
    long now = clock.millis();
    if (maxFailures == 0 || window == null || window.failures() < maxFailures
        || now - window.start() >= WINDOW_MILLIS) {
      return 0;
    }
    return Math.max(1, (window.start() + WINDOW_MILLIS - now + 999) / 1000);
  }

  void failed(String email, String address) {
    failures.inc();
    if (maxFailures == 0) {
      return;
    }
    long now = clock.millis();
    if (windows.size() >= MAX_KEYS) {
      windows.values().removeIf(w -> now - w.start() >= WINDOW_MILLIS);
      if (windows.size() >= MAX_KEYS) {
        windows.clear();
      }
    }
    for (String key : new String[] {emailKey(email), "address:" + address}) {
      windows.compute(key, (k, w) -> w == null || now - w.start() >= WINDOW_MILLIS ? new Window(now, 1)
          : new Window(w.start(), w.failures() + 1));
    }
  }

  private static String emailKey(String email) {
    return "email:" + (email == null ? "" : email.trim().toLowerCase(Locale.ROOT));
  }
}
