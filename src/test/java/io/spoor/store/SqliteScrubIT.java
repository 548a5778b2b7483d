package io.spoor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.TempStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What deletes removed cannot be read back from the store's file or its write-ahead log after a scrub. */
@ExtendWith(TempStore.class)
class SqliteScrubIT {
  private static final String MARKER = "scrub-probe-secret";
  private Database db;
  private Path file;

  @BeforeEach
  void open(Database db) {
    this.db = db;
    this.file = ((SqliteDialect) db.dialect()).file();
    db.inTransaction(() -> db.handle().execute("CREATE TABLE scrub_probe (id INTEGER PRIMARY KEY, v TEXT)"));
  }

  @Test
  void deletedRowsLeaveNoBytesInTheFileAndTheLogIsEmptied() {
    writeAndDeleteProbes();
    assertTrue(occurrences(file.resolveSibling(file.getFileName() + "-wal")) > 0, "the log held the rows");

    db.scrub();

    assertEquals(0, walSize());
    assertEquals(0, occurrences(file));
  }

  @Test
  void aReadHoldingTheLogWhenAScrubIsAskedForDelaysItUntilTheReadEnds() throws Exception {
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> db.read(() -> {
      db.handle().createQuery("SELECT COUNT(*) FROM scrub_probe").mapTo(Long.class).one();
      reading.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    }));
    reading.await();
    writeAndDeleteProbes();

    db.scrub();
    assertTrue(walSize() > 0, "an older snapshot still in use keeps the log");

    release.countDown();
    reader.join();
    // the next background run, taken here rather than waited for
    ((SqliteCheckpointer) db.maintenance()).upkeep();
    assertEquals(0, walSize(), "the background upkeep empties the log once the read has ended");
    assertEquals(0, occurrences(file));
  }

  private void writeAndDeleteProbes() {
    db.inTransaction(() -> {
      for (int i = 0; i < 400; i++) {
        db.handle().execute("INSERT INTO scrub_probe (id, v) VALUES (?, ?)", i, MARKER + "-" + i + "-" + "x".repeat(200));
      }
      return null;
    });
    db.inTransaction(() -> db.handle().execute("DELETE FROM scrub_probe"));
  }

  private long walSize() {
    Path wal = file.resolveSibling(file.getFileName() + "-wal");
    try {
      return Files.exists(wal) ? Files.size(wal) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int occurrences(Path path) {
    try {
      if (!Files.exists(path)) {
        return 0;
      }
      String bytes = new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
      int found = 0;
      for (int at = bytes.indexOf(MARKER); at >= 0; at = bytes.indexOf(MARKER, at + 1)) {
        found++;
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
