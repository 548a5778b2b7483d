package io.spoor.store;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the write-ahead log back into the database file in the background, once a second,
 * without blocking the writer (a PASSIVE checkpoint). Left to the writer, the copy would run
 * inside an ingest commit every few thousand pages and stall every hit waiting on it.
 */
public final class SqliteCheckpointer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteCheckpointer.class);
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "spoor-checkpointer");
    thread.setDaemon(true);
    return thread;
  });

  public SqliteCheckpointer(Database db) {
    timer.scheduleWithFixedDelay(() -> {
      try {
        db.outsideTransaction("PRAGMA wal_checkpoint(PASSIVE)");
      } catch (RuntimeException e) {
        LOG.warn("checkpoint failed; will retry", e);
      }
    }, 1, 1, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
