package io.spoor.report;

import static io.spoor.report.VisitIndexTest.FROM;
import static io.spoor.report.VisitIndexTest.TO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The index of visits reads a day without holding itself: a report reads the days it needs
 * while the read-ahead reads another, and one that would wait past its bound for a day being
 * read ahead is told how many days are still being read.
 */
@ExtendWith(TempStore.class)
// a report waiting on a read-ahead it should not wait for would hang: fail instead
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class VisitIndexReadingTest {
  private static final long LAST = TO.toEpochDay();
  private static final ReportQuery FIRST_DAY = new ReportQuery(1, FROM, FROM, ReportQuery.Interval.DAY,
      ReportFilter.parse("device:desktop"));
  private static final ReportQuery ALL_DAYS = new ReportQuery(1, FROM, TO, ReportQuery.Interval.DAY,
      ReportFilter.parse("device:desktop"));

  /**
   * Holds the read-ahead (a thread named "read-ahead") once it has read {@code day}, before the
   * index holds it, until released.
   */
  static final class HeldRead implements VisitIndex.ReadHook {
    final CountDownLatch read = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private final long day;

    HeldRead(long day) {
      this.day = day;
    }

    @Override
    public void read(long portalId, long readDay) {
      if (readDay == day && Thread.currentThread().getName().equals("read-ahead")) {
        read.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private static Thread readAhead(VisitIndex index) {
    Thread thread = new Thread(() -> index.warm((LAST + 1) * Buckets.DAY - 1, 6), "read-ahead");
    thread.start();
    return thread;
  }

  private static Map<String, Map<Long, Counts>> sum(Database db, VisitIndex index, ReportQuery q) {
    return db.read(() -> index.sum(q, Dimension.ALL, true));
  }

  @Test
  void aReportOfDaysNotReadYetAnswersWhileTheReadAheadIsStillReadingAnother(Database db) throws Exception {
    VisitIndexTest.seed(db, new Random(5), 600);
    HeldRead held = new HeldRead(LAST);
    VisitIndex index = new VisitIndex(db, 100_000, false, VisitIndex.WAIT_MS, held, 0);
    Thread ahead = readAhead(index);
    held.read.await();

    Map<String, Map<Long, Counts>> answered = sum(db, index, FIRST_DAY);
    held.release.countDown();
    ahead.join();

    assertEquals(sum(db, new VisitIndex(db, 100_000), FIRST_DAY), answered);
    assertEquals(600, index.held()); // the read-ahead, released, held the last day and skipped those read
  }

  @Test
  void aReportWaitingPastItsBoundForADayReadAheadIsToldHowManyDaysAreStillBeingRead(Database db) throws Exception {
    VisitIndexTest.seed(db, new Random(6), 600);
    HeldRead held = new HeldRead(LAST);
    VisitIndex index = new VisitIndex(db, 100_000, false, 0, held, 0);
    Thread ahead = readAhead(index);
    held.read.await();

    // each try reads one day of the five (the day before the range included) before it gives up
    IndexStillReadingException first = assertThrows(IndexStillReadingException.class,
        () -> sum(db, index, ALL_DAYS));
    IndexStillReadingException second = assertThrows(IndexStillReadingException.class,
        () -> sum(db, index, ALL_DAYS));
    held.release.countDown();
    ahead.join();

    assertEquals("the index of visits is still reading 4 of the 5 days of this report: retry in a moment",
        first.getMessage());
    assertEquals("the index of visits is still reading 3 of the 5 days of this report: retry in a moment",
        second.getMessage());
    assertEquals(sum(db, new VisitIndex(db, 100_000), ALL_DAYS), sum(db, index, ALL_DAYS));
  }
}
