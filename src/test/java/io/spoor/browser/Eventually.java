package io.spoor.browser;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * Waits for state that arrives asynchronously (beacons sent by a page, hits applied by the
 * server): reads again and again until a condition holds, failing with the last value read
 * after {@link #TIMEOUT}.
 */
final class Eventually {
  static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final Duration POLL = Duration.ofMillis(150);

  private Eventually() {
  }

  /** The first value {@code read} gives that satisfies {@code ok}. */
  static <T> T until(String what, Supplier<T> read, Predicate<? super T> ok) {
    AtomicReference<Object> last = new AtomicReference<>("nothing read yet");
    try {
      return new FluentWait<>(read).withTimeout(TIMEOUT).pollingEvery(POLL).until(r -> {
        T value = r.get();
        last.set(value);
        return ok.test(value) ? Optional.ofNullable(value) : null;
      }).orElse(null);
    } catch (TimeoutException e) {
      throw new AssertionError("waited " + TIMEOUT.toSeconds() + " s for " + what + "; last read: " + last.get());
    }
  }

  /** The value inside the first non-empty optional {@code read} gives that satisfies {@code ok}. */
  static <T> T present(String what, Supplier<Optional<T>> read, Predicate<? super T> ok) {
    return until(what, read, o -> o.isPresent() && ok.test(o.get())).orElseThrow();
  }
}
