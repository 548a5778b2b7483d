package io.spoor.store;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the write-ahead log back into the database file in the background, once a second,
 * without blocking the writer (a PASSIVE checkpoint). Left to the writer, the copy would run
 * inside an ingest commit every few thousand pages and stall every hit waiting on it.
 *
 * <p>A scrub (after an erase) copies the whole log back and truncates it to nothing (a TRUNCATE
 * checkpoint), so the log keeps no older image of a page that held erased data. It waits for
 * reads on older snapshots to end (up to the busy timeout); should one still hold the log, each
 * background run tries again until a TRUNCATE succeeds.
 */
public final class SqliteCheckpointer implements Maintenance {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteCheckpointer.class);
  private final Database db;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "spoor-checkpointer");
    thread.setDaemon(true);
    return thread;
  });
  /** Scrubs asked for, and how many of them a completed TRUNCATE covers. */
  private final AtomicLong scrubsAsked = new AtomicLong();
  private final AtomicLong scrubsDone = new AtomicLong();

  public SqliteCheckpointer(Database db) {
    this.db = db;
    timer.scheduleWithFixedDelay(this::upkeep, 1, 1, TimeUnit.SECONDS);
  }

  /** One background run: a TRUNCATE while a scrub is still owed, else a PASSIVE checkpoint. */
  void upkeep() {
    try {
      if (scrubsDone.get() < scrubsAsked.get()) {
        truncate();
      } else {
        passive();
      }
    } catch (RuntimeException e) {
      LOG.warn("checkpoint failed; will retry", e);
    }
  }

  @Override
  public void scrub() {
    scrubsAsked.incrementAndGet();
    try {
      if (!truncate()) {
        LOG.warn("a read holds the write-ahead log; it is emptied as soon as the read ends");
      }
    } catch (RuntimeException e) {
      LOG.warn("emptying the write-ahead log failed; will retry", e);
    }
  }

  private synchronized void passive() {
    db.outsideTransaction("PRAGMA wal_checkpoint(PASSIVE)");
  }

  /** Whether a TRUNCATE checkpoint completed, covering every scrub asked for before it started. */
  private synchronized boolean truncate() {
    long asked = scrubsAsked.get();
    List<Map<String, Object>> rows = db.outsideTransaction("PRAGMA wal_checkpoint(TRUNCATE)");
    boolean done = !rows.isEmpty() && Integer.valueOf(0).equals(asInt(rows.get(0).get("busy")));
    if (done) {
      scrubsDone.accumulateAndGet(asked, Math::max);
    }
    return done;
  }

  private static Integer asInt(Object value) {
    return value instanceof Number n ? n.intValue() : null;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
