package io.spoor.report;

import io.spoor.ops.Counter;
import io.spoor.ops.Metrics;
import io.spoor.store.Database;
import io.spoor.store.JdbcBatch;
import io.spoor.store.StoreException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the visitor sketches of the days written before they were kept: migration V19 made the
 * daily buckets from the old hourly ones with no sketch, so those days counted 0 visitors. For
 * each portal and day whose visit-dimension buckets (or hourly buckets of the whole) have visits
 * but no sketch, it reads the day's visits ({@code report_session}), adds each visitor to the
 * buckets ingest would have added it to ({@link Buckets#session}), and merges each sketch into
 * the stored one (each register's maximum: what ingest wrote meanwhile stays in, and doing it
 * twice changes nothing). A bucket with visits none of which is kept gets an empty sketch, so it
 * is not found again.
 *
 * <p>It runs on a thread of its own, a day at a time: the visits are read in a read transaction,
 * the sketches written in a short write transaction that first moves the day's version
 * ({@code report_day_change}), so reports and every applier's {@link SketchCache} read the day
 * again and, on PostgreSQL, a batch writing the same day waits for it (or it for the batch).
 * Between days it pauses as long as its write took, so ingest keeps the single writer at least
 * half the time. Once no such day is left, a start finds none with one query and does nothing.
 */
public final class SketchBackfill implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SketchBackfill.class);
  private static final long PROGRESS_EVERY_MS = 10_000;
  private static final int CONFLICT_RETRIES = 3;
  private static final String VISIT_DIMS = Arrays.stream(Buckets.VISIT_DIMENSIONS)
      .map(d -> "'" + d.stored() + "'").collect(Collectors.joining(", "));
  private static final Map<String, Dimension> BY_STORED = Arrays.stream(Buckets.VISIT_DIMENSIONS)
      .collect(Collectors.toMap(Dimension::stored, d -> d));

  /** A portal's epoch day. */
  record Day(long portalId, long day) {
  }

  /** A stored bucket of the day: its sketch (null where none was kept) and its visits. */
  private record Stored(byte[] visitors, long sessions) {
  }

  private final Database db;
  private final Counter filledDays;
  private final Counter readVisits;
  private final AtomicLong left = new AtomicLong();
  private final CountDownLatch closed = new CountDownLatch(1);
  private Thread thread;
  /** How long the last day's write transaction took: the pause before the next day. */
  private long lastWriteNs;

  public SketchBackfill(Database db, Metrics metrics) {
    this.db = db;
    this.filledDays = metrics.counter("spoor_report_sketch_backfill_days_total",
        "Days whose visitor sketches were filled from their visits (days written before sketches were kept)");
    this.readVisits = metrics.counter("spoor_report_sketch_backfill_visits_total",
        "Visits read to fill the visitor sketches of days written before sketches were kept");
    metrics.gauge("spoor_report_sketch_backfill_days_left",
        "Days still waiting for their visitor sketches to be filled", left::get);
  }

  /** Fills, on a thread of its own, every day that needs it; returns at once. */
  public synchronized void start() {
    if (thread == null) {
      thread = new Thread(this::runLogged, "report-sketch-backfill");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** Stops after the day being filled (the next start goes on from there). */
  @Override
  public void close() {
    closed.countDown();
    Thread running;
    synchronized (this) {
      running = thread;
    }
    if (running != null) {
      try {
        running.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void runLogged() {
    try {
      run();
    } catch (RuntimeException e) {
      if (closed.getCount() > 0) {
        LOG.warn("filling the visitor sketches of days written before they were kept stopped; the next start "
            + "goes on", e);
      }
    }
  }

  /** Fills every day that needs it, newest first, on this thread; the days filled. */
  long run() {
    long startedNs = System.nanoTime();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long startedCpuNs = threads.getCurrentThreadCpuTime();
    List<Day> days = pending();
    if (days.isEmpty()) {
      return 0;
    }
    left.set(days.size());
    LOG.info("filling the visitor sketches of {} days written before sketches were kept, from their visits",
        days.size());
    long filled = 0;
    long visits = 0;
    long loggedNs = startedNs;
    for (Day day : days) {
      if (closed.getCount() == 0) {
        return filled;
      }
      long read = fillRetrying(day);
      long pauseMs = TimeUnit.NANOSECONDS.toMillis(lastWriteNs) + 1;
      left.decrementAndGet();
      if (read >= 0) {
        filled++;
        visits += read;
        filledDays.inc();
        readVisits.add(read);
      }
      if (System.nanoTime() - loggedNs > TimeUnit.MILLISECONDS.toNanos(PROGRESS_EVERY_MS)) {
        loggedNs = System.nanoTime();
        LOG.info("visitor sketches: {} of {} days filled ({} visits read)", filled, days.size(), visits);
      }
      try {
        if (closed.await(pauseMs, TimeUnit.MILLISECONDS)) {
          return filled;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return filled;
      }
    }
    LOG.info("visitor sketches filled: {} days, {} visits read, in {} s ({} s of this thread's CPU)", filled, visits,
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNs),
        String.format(java.util.Locale.ROOT, "%.1f", (threads.getCurrentThreadCpuTime() - startedCpuNs) / 1e9));
    return filled;
  }

  /**
   * The days with a visit-dimension bucket, or an hourly bucket of the whole, that has visits but
   * no sketch, newest first: one query, which finds nothing once every day is filled.
   */
  List<Day> pending() {
    return db.read(() -> db.handle().createQuery("SELECT portal_id, day FROM report_day WHERE dim IN (" + VISIT_DIMS
            + ") AND visitors IS NULL AND sessions > 0 UNION SELECT portal_id, hour / 24 FROM report_bucket "
            + "WHERE dim = 'all' AND visitors IS NULL AND sessions > 0 ORDER BY 2 DESC, 1")
        .map((rs, ctx) -> new Day(rs.getLong(1), rs.getLong(2))).list());
  }

  private long fillRetrying(Day day) {
    for (int attempt = 1; ; attempt++) {
      try {
        return fill(day);
      } catch (StoreException e) {
        if (e.conflict().isEmpty() || attempt >= CONFLICT_RETRIES) {
          throw e;
        }
      }
    }
  }

  /** Fills one day's sketches; the visits read, or -1 when nothing was left to fill. */
  long fill(Day day) {
    lastWriteNs = 0;
    Buckets rebuilt = new Buckets();
    long visits = db.read(() -> {
      if (stored(day).values().stream().noneMatch(SketchBackfill::missing)) {
        return -1L;
      }
      long[] count = {0};
      db.handle().createQuery("SELECT utk, started_at, source, source_data_1, device, browser, os FROM report_session "
              + "WHERE portal_id = :portal AND started_at >= :from AND started_at < :to")
          .bind("portal", day.portalId()).bind("from", day.day() * Buckets.DAY)
          .bind("to", (day.day() + 1) * Buckets.DAY)
          .map((rs, ctx) -> new SessionRow(day.portalId(), rs.getString(1), rs.getLong(2), rs.getLong(2), "", "", 1,
              rs.getString(3), rs.getString(4), "", rs.getString(5), rs.getString(6), rs.getString(7), 0))
          .forEach(row -> {
            rebuilt.session(row, 1, true);
            count[0]++;
          });
      return count[0];
    });
    if (visits < 0) {
      return -1;
    }
    Map<Buckets.Key, Hll> sketches = new HashMap<>();
    rebuilt.entries().forEach(e -> {
      if (e.getValue().visitors != null) {
        sketches.put(e.getKey(), e.getValue().visitors);
      }
    });
    long writeStartNs = System.nanoTime();
    db.inTransaction(() -> {
      db.handle().execute("INSERT INTO report_day_change (portal_id, day, version) VALUES (?, ?, 1) "
          + "ON CONFLICT (portal_id, day) DO UPDATE SET version = report_day_change.version + 1",
          day.portalId(), day.day());
      JdbcBatch days = new JdbcBatch(db.handle(), "UPDATE report_day SET visitors = ? WHERE portal_id = ? "
          + "AND dim = ? AND day = ? AND value = ?");
      JdbcBatch hours = new JdbcBatch(db.handle(), "UPDATE report_bucket SET visitors = ? WHERE portal_id = ? "
          + "AND dim = ? AND hour = ? AND value = ?");
      stored(day).forEach((key, stored) -> {
        Hll mine = sketches.get(key);
        Hll merged = Hll.fromBytes(stored.visitors());
        boolean changed = mine != null && merged.mergeChanged(mine);
        if (changed || missing(stored)) {
          (key.hourly() ? hours : days).add(merged.toBytes(), key.portalId(), key.dim().stored(), key.period(),
              key.value());
        }
      });
      days.execute();
      hours.execute();
      return null;
    });
    lastWriteNs = System.nanoTime() - writeStartNs;
    return visits;
  }

  private static boolean missing(Stored stored) {
    return stored.visitors() == null && stored.sessions() > 0;
  }

  /** The day's visit-dimension buckets and hourly buckets of the whole, as stored (locked when writing). */
  private Map<Buckets.Key, Stored> stored(Day day) {
    Map<Buckets.Key, Stored> out = new HashMap<>();
    db.handle().createQuery("SELECT dim, value, sessions, visitors FROM report_day WHERE portal_id = :portal "
            + "AND dim IN (" + VISIT_DIMS + ") AND day = :day" + db.rowLock())
        .bind("portal", day.portalId()).bind("day", day.day())
        .map((rs, ctx) -> {
          out.put(new Buckets.Key(day.portalId(), BY_STORED.get(rs.getString(1)), rs.getString(2), day.day(), false),
              new Stored(rs.getBytes(4), rs.getLong(3)));
          return true;
        }).forEach(x -> { });
    db.handle().createQuery("SELECT hour, value, sessions, visitors FROM report_bucket WHERE portal_id = :portal "
            + "AND dim = :dim AND hour >= :from AND hour < :to" + db.rowLock())
        .bind("portal", day.portalId()).bind("dim", Dimension.ALL.stored()).bind("from", day.day() * 24)
        .bind("to", (day.day() + 1) * 24)
        .map((rs, ctx) -> {
          out.put(new Buckets.Key(day.portalId(), Dimension.ALL, rs.getString(2), rs.getLong(1), true),
              new Stored(rs.getBytes(4), rs.getLong(3)));
          return true;
        }).forEach(x -> { });
    return out;
  }
}
