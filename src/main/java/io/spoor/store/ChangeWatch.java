package io.spoor.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the {@link ChangeFeed} now and then and tells each listener of every row changed since
 * the last look: every {@code slow} interval, and every {@code fast} one while a listener is
 * eager (a live view is open). One small read of a table of a row per writer and portal; the
 * first look only takes note. Listeners run on the watch's own thread and must hand work off.
 */
public final class ChangeWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeWatch.class);
  private final Transactor tx;
  private final ChangeFeed feed;
  private final long fastMs;
  private final long slowMs;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final List<BooleanSupplier> eager = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "spoor-change-watch");
    t.setDaemon(true);
    return t;
  });
  private Map<ChangeFeed.Key, ChangeFeed.Row> seen;
  private long lastLook;

  /** What a listener is told: a row as it was at the last look (null when new) and as it is. */
  public interface Listener {
    void changed(ChangeFeed.Row before, ChangeFeed.Row now);
  }

  public ChangeWatch(Transactor tx, ChangeFeed feed, Duration fast, Duration slow) {
    this.tx = tx;
    this.feed = feed;
    this.fastMs = Math.max(1, fast.toMillis());
    this.slowMs = Math.max(fastMs, slow.toMillis());
  }

  /** Tells {@code listener} of every change; while {@code eager} is true the feed is read at the fast interval. */
  public void listen(Listener listener, BooleanSupplier eager) {
    listeners.add(listener);
    this.eager.add(eager);
  }

  /** Takes note of the feed as it is now and starts looking; with no listener, does nothing. */
  public void start() {
    if (listeners.isEmpty()) {
      return;
    }
    look();
    thread.scheduleWithFixedDelay(this::tick, fastMs, fastMs, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    try {
      boolean hurry = eager.stream().anyMatch(BooleanSupplier::getAsBoolean);
      if (hurry || System.nanoTime() / 1_000_000 - lastLook >= slowMs) {
        look();
      }
    } catch (RuntimeException e) {
      LOG.warn("reading what other processes changed failed; trying again shortly: {}", e.toString());
    }
  }

  /** Reads the feed and tells the listeners of what changed since the last look. */
  void look() {
    lastLook = System.nanoTime() / 1_000_000;
    Map<ChangeFeed.Key, ChangeFeed.Row> now = tx.read(feed::rows);
    Map<ChangeFeed.Key, ChangeFeed.Row> before = seen;
    seen = now;
    if (before == null || listeners.isEmpty()) {
      return;
    }
    now.forEach((key, row) -> {
      ChangeFeed.Row was = before.get(key);
      if (was == null || was.changes() != row.changes()) {
        listeners.forEach(l -> l.changed(was, row));
      }
    });
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
