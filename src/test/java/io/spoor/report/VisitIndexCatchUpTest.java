package io.spoor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.store.ChangeFeed;
import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The index of visits follows what several appliers (processes) commit to the store, in whatever
 * order their batches commit: each visit counted once, none missed. Rows and change feed rows are
 * written here as an applier's batch writes them, in one transaction.
 */
@ExtendWith(TempStore.class)
class VisitIndexCatchUpTest {
  private static final long PORTAL = 1;
  private Database db;
  private VisitIndex index;
  private long now;

  @BeforeEach
  void open(Database db) {
    this.db = db;
    this.index = new VisitIndex(db, 10_000);
    this.now = System.currentTimeMillis();
  }

  /** What an applier's batch commits: the visit's row, stamped when the batch flushed, and its feed row. */
  private void batch(String applier, String utk, long startedAt, long pageViews, long began) {
    db.inTransaction(() -> {
      db.handle().createUpdate("DELETE FROM report_session WHERE portal_id = :p AND utk = :utk AND started_at = :s")
          .bind("p", PORTAL).bind("utk", utk).bind("s", startedAt).execute();
      db.handle().createUpdate("INSERT INTO report_session (portal_id, utk, started_at, last_at, entry_path, "
              + "exit_path, page_views, source, source_data_1, source_data_2, device, browser, os, new_contacts, "
              + "changed_at) VALUES (:p, :utk, :s, :s, '/', '/', :views, 'DIRECT_TRAFFIC', '', '', 'desktop', "
              + "'Chrome', 'Linux', 0, :changed)")
          .bind("p", PORTAL).bind("utk", utk).bind("s", startedAt).bind("views", pageViews).bind("changed", began + 1)
          .execute();
      new ChangeFeed(db).add(ChangeFeed.APPLIER + applier, PORTAL, 1, began);
    });
  }

  private Counts today() {
    return on(index, 0);
  }

  /** The day {@code daysAgo} before today's figures, as {@code index} counts them. */
  private Counts on(VisitIndex index, int daysAgo) {
    LocalDate day = Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC).toLocalDate().minusDays(daysAgo);
    ReportQuery q = new ReportQuery(PORTAL, day, day, ReportQuery.Interval.DAY, ReportFilter.NONE);
    return db.read(() -> index.sum(q, Dimension.ALL, false)).getOrDefault("", Map.of()).getOrDefault(0L, Counts.ZERO);
  }

  @Test
  void aBatchThatBeganBeforeAnotherAlreadyReadAndCommittedAfterItIsStillCounted() {
    long visit = now - 60_000;
    batch("b", "b".repeat(32), visit, 1, now);
    assertEquals(1, today().sessions());

    // processor a's batch began 10 s before b's (a long transaction, or a's clock behind) and commits only now
    batch("a", "a".repeat(32), visit, 1, now - 10_000);

    Counts counts = today();
    assertEquals(2, counts.sessions());
    assertEquals(2, counts.pageViews());
  }

  @Test
  void aVisitChangedByBatchesOfTwoAppliersIsCountedOnceWithItsLatestFigures() {
    long visit = now - 60_000;
    batch("a", "c".repeat(32), visit, 1, now - 5_000);
    assertEquals(1, today().sessions());
    batch("b", "c".repeat(32), visit, 2, now);
    batch("a", "c".repeat(32), visit, 3, now - 4_000);

    Counts counts = today();
    assertEquals(1, counts.sessions());
    assertEquals(3, counts.pageViews());
  }

  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a read-ahead held for good: fail
  void aVisitChangedAfterTheReadAheadReadItsDayAndBeforeTheDayIsHeldIsCountedWithItsLatestFigures()
      throws InterruptedException {
    long visit = now - 60_000;
    long today = Math.floorDiv(visit, Buckets.DAY);
    int daysAgo = (int) (Math.floorDiv(now, Buckets.DAY) - today);
    batch("a", "d".repeat(32), visit, 1, now - 5_000);
    db.inTransaction(() -> db.handle().createUpdate("INSERT INTO report_day_change (portal_id, day, version) "
        + "VALUES (:p, :day, 1)").bind("p", PORTAL).bind("day", today).execute()); // what the read-ahead looks for
    VisitIndexReadingTest.HeldRead hook = new VisitIndexReadingTest.HeldRead(today);
    VisitIndex held = new VisitIndex(db, 10_000, false, VisitIndex.WAIT_MS, hook, 0);
    Thread ahead = new Thread(() -> held.warm(visit, 1), "read-ahead");
    ahead.start();
    hook.read.await();

    batch("a", "d".repeat(32), visit, 2, now);
    on(held, daysAgo + 1); // a report of the day before catches up past the change while today is not held yet
    hook.release.countDown();
    ahead.join();

    assertEquals(2, on(held, daysAgo).pageViews());
  }
}
