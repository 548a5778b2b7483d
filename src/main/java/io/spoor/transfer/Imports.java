package io.spoor.transfer;

import io.spoor.NotFoundException;
import io.spoor.crm.object.ContactWrites;
import io.spoor.ops.Counter;
import io.spoor.store.Database;
import io.spoor.store.Transactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Contact imports: a checked file is queued and imported on one worker thread of its own (never
 * the event loop), one import at a time, its progress kept in the store for {@link #get}. Files
 * wait in their own directory and are deleted once imported. An import a stopped process left
 * unfinished is marked failed at the next start.
 */
public final class Imports implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Imports.class);
  private static final int PROBLEMS_SHOWN = 1_000;

  private final Transactor tx;
  private final ImportStore store;
  private final ContactWrites writes;
  private final Path dir;
  private final ImportLimits limits;
  private final Clock clock;
  private final Counter refused;
  private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "spoor-import");
    thread.setDaemon(true);
    return thread;
  });

  /** {@code refused}: counts uploads refused by a limit, by {@code limit} (bytes or rows). */
  public Imports(Database db, ContactWrites writes, Path dir, ImportLimits limits, Clock clock, Counter refused) {
    this.tx = db;
    this.store = new SqlImportStore(db);
    this.writes = writes;
    this.dir = dir;
    this.limits = limits;
    this.clock = clock;
    this.refused = refused;
    int failed = tx.inTransaction(() -> store.failUnfinished("The server stopped before this import finished; "
        + "rows counted as done were imported", clock.millis()));
    if (failed > 0) {
      LOG.warn("{} imports left unfinished by the last run are marked failed", failed);
    }
    try {
      Files.createDirectories(dir);
      try (var leftovers = Files.list(dir)) {
        for (Path file : (Iterable<Path>) leftovers::iterator) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ImportLimits limits() {
    return limits;
  }

  /** A new, empty place for an upload. */
  Path newFile() {
    return dir.resolve(UUID.randomUUID() + ".csv");
  }

  /** Counts an upload refused by a limit. */
  void refusedBy(String limit) {
    refused.inc(limit);
  }

  /**
   * Checks the uploaded file and queues it (blocking: reads the file once). A bad file or mapping
   * is refused (400, 413 past the row limit) and deleted.
   */
  ImportStatus start(long hubId, Path file, String fileName, Optional<Map<String, String>> mapping) {
    ImportPlan plan;
    try {
      plan = ImportPlan.read(file, mapping, limits.maxRows());
    } catch (RuntimeException e) {
      delete(file);
      if (e instanceof io.spoor.TooLargeException) {
        refusedBy("rows");
      }
      throw e;
    }
    long id = tx.inTransaction(() -> store.create(hubId, fileName, plan.mapping(), plan.rows(), clock.millis()));
    runner.execute(() -> run(id, hubId, file, plan));
    return get(hubId, id);
  }

  /** The portal's import; 404 when it has none with this id. */
  ImportStatus get(long hubId, long id) {
    return tx.read(() -> store.find(hubId, id, Math.min(PROBLEMS_SHOWN, limits.problemsKept())))
        .orElseThrow(() -> new NotFoundException("No import with id " + id, Long.toString(id)));
  }

  private void run(long id, long hubId, Path file, ImportPlan plan) {
    try {
      boolean whole = new ContactImport(tx, store, writes, limits.problemsKept(), id, hubId, plan).run(file);
      tx.inTransaction(() -> {
        store.finish(id, whole ? ImportStatus.State.DONE : ImportStatus.State.FAILED,
            whole ? Optional.empty() : Optional.of("Stopped by a shutdown; rows counted as done were imported"),
            clock.millis());
        return null;
      });
    } catch (RuntimeException | IOException e) {
      LOG.error("import {} failed", id, e);
      tx.inTransaction(() -> {
        store.finish(id, ImportStatus.State.FAILED, Optional.of("The import failed: " + e.getMessage()),
            clock.millis());
        return null;
      });
    } finally {
      delete(file);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("could not delete the import file {}", file, e);
    }
  }

  /** Stops the running import between two batches and waits for it; queued ones stay failed for the next start. */
  @Override
  public void close() {
    runner.shutdownNow();
    try {
      if (!runner.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("an import did not stop within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
