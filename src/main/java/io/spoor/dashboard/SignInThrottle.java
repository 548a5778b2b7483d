package io.spoor.dashboard;

import io.spoor.ops.Counter;
import io.spoor.ops.Metrics;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing without letting a stranger lock the owner out (OWASP's authentication
 * cheat sheet): a client address, or an email tried from one address, with {@code maxFailures}
 * failed sign-ins in a window of {@link #WINDOW_MILLIS} (from its first failure) is refused,
 * without a password check, until the window ends. Failures on an email from every address
 * together never refuse it: once they reach {@code maxFailures}, each try at that email waits
 * {@code slowdownMillis} first, so its owner still gets in from their own address. Counted in
 * {@code /metrics}. {@code maxFailures} 0 turns it all off.
 */
final class SignInThrottle {
  static final long WINDOW_MILLIS = 15 * 60_000;
  private static final int MAX_KEYS = 100_000;

  private final int maxFailures;
  private final long slowdownMillis;
  private final Clock clock;
  private final Counter failures;
  private final Counter throttled;
  private final Counter slowed;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  SignInThrottle(int maxFailures, long slowdownMillis, Clock clock, Metrics metrics) {
    this.maxFailures = maxFailures;
    this.slowdownMillis = slowdownMillis;
    this.clock = clock;
    this.failures = metrics.counter("spoor_dashboard_sign_in_failures_total",
        "Dashboard sign-ins with a wrong email or password");
    this.throttled = metrics.counter("spoor_dashboard_sign_in_throttled_total",
        "Dashboard sign-ins refused with 429 because the address, or the email from that address, failed too often");
    this.slowed = metrics.counter("spoor_dashboard_sign_in_slowed_total",
        "Dashboard sign-ins held back before the password check because their email failed too often");
  }

  private record Window(long start, int failures) {
  }

  /** Seconds until this email and address may try again; 0 when they may now. Counts a refusal. */
  long retryAfterSeconds(String email, String address) {
    long wait = Math.max(wait(pairKey(email, address)), wait(addressKey(address)));
    if (wait > 0) {
      throttled.inc();
    }
    return wait;
  }

  /** Milliseconds a try at this email waits before its password is checked; 0 mostly. Counts a wait. */
  long slowdownMillis(String email) {
    if (slowdownMillis == 0 || wait(emailKey(email)) == 0) {
      return 0;
    }
    slowed.inc();
    return slowdownMillis;
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
    for (String key : new String[] {pairKey(email, address), addressKey(address), emailKey(email)}) {
      windows.compute(key, (k, w) -> w == null || now - w.start() >= WINDOW_MILLIS ? new Window(now, 1)
          : new Window(w.start(), w.failures() + 1));
    }
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }

  private static String pairKey(String email, String address) {
    return "pair:" + address + " " + normal(email);
  }

  private static String emailKey(String email) {
    return "email:" + normal(email);
  }

  private static String normal(String email) {
    return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
  }
}
