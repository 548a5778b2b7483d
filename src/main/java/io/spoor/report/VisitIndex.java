package io.spoor.report;

import static io.spoor.report.VisitDay.BROWSER;
import static io.spoor.report.VisitDay.COLUMNS;
import static io.spoor.report.VisitDay.DEVICE;
import static io.spoor.report.VisitDay.ENTRY;
import static io.spoor.report.VisitDay.EXIT;
import static io.spoor.report.VisitDay.OS;
import static io.spoor.report.VisitDay.SOURCE;
import static io.spoor.report.VisitDay.SOURCE_DATA_1;
import static io.spoor.report.VisitDay.SOURCE_DATA_2;

import io.spoor.InvalidInputException;
import io.spoor.store.ChangeFeed;
import io.spoor.store.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The visits of the days reports ask about, held in memory ({@link VisitDay}: columns of
 * primitives and dictionary codes, with posting lists per value), with the completions made
 * during them: what filtered reports add up, since a filter can combine any dimensions. A day is
 * read from {@code report_session} when first asked for, or ahead of time by {@link #warm};
 * before each report the index reads the visits and completions written since it last looked
 * ({@code changed_at}), so it follows ingest without being told, by this process or any other:
 * the change feed says which appliers committed batches since, and from when each such batch's
 * rows can be stamped (a batch committed late, after another's later one, or a processor whose
 * clock lags, is still read). At most {@code capacity} visits are held: the days used least
 * recently go first, and a filtered report whose days hold more is refused. A report adds up all
 * the dimensions it shows in one pass over the matching visits, day by day ({@link FilteredSums}:
 * for a day done changing wholly inside its range, the day's partial sums instead, summed on a
 * thread of their own where they are missing or the day changed since). This class reads and
 * holds the days; {@link FilteredSums} adds them up.
 */
public final class VisitIndex implements Figures {
  /** How far back each catch-up reads again, for batches committed out of their time order. */
  static final long CATCH_UP_MARGIN_MS = 2_000;
  private static final Map<String, Integer> FILTER_COLUMNS = Map.of("source", SOURCE, "source_data_1", SOURCE_DATA_1,
      "source_data_2", SOURCE_DATA_2, "device", DEVICE, "browser", BROWSER, "os", OS, "page", ENTRY, "exit", EXIT);
  /** The days read ahead at start: a 30-day report and the day before it. */
  public static final int WARM_DAYS = 32;
  /** How long a filtered report waits by default for its days to be read ({@code --report-index-wait-ms}). */
  public static final long WAIT_MS = 5_000;

  private final Database db;
  private final VisitReader reader;
  private final long capacity;
  private final long waitMs;
  private final ReadHook hook;
  private final FilteredSums sums;
  private final Map<Long, Portal> portals = new HashMap<>();
  private final LinkedHashMap<DayKey, VisitDay> days = new LinkedHashMap<>(64, 0.75f, true);
  /** The days being read from the store, each by one thread; done when held (or given up). */
  private final Map<DayKey, CompletableFuture<Void>> reading = new HashMap<>();
  private long held;
  private final AtomicLong refused = new AtomicLong();

  private record DayKey(long portalId, long day) {
  }

  /** Told on the reading thread when a day has been read from the store, before it is held: tests hold a read there. */
  interface ReadHook {
    ReadHook NONE = (portalId, day) -> { };

    void read(long portalId, long day);
  }

  /** No partial sums kept; a filtered report waits {@link #WAIT_MS} at most for its days. */
  public VisitIndex(Database db, long capacity) {
    this(db, capacity, WAIT_MS, 0);
  }

  /**
   * {@code waitMs}: how long a filtered report waits for its days to be read before it is answered
   * 503; {@code partialSumBytes}: bytes of filtered reports' per-day partial sums kept (0: none).
   */
  public VisitIndex(Database db, long capacity, long waitMs, long partialSumBytes) {
    this(db, capacity, false, waitMs, ReadHook.NONE, partialSumBytes);
  }

  /** {@code scan}: read every visit of a day and check it, not the posting lists (for tests). */
  VisitIndex(Database db, long capacity, boolean scan) {
    this(db, capacity, scan, WAIT_MS, ReadHook.NONE, 0);
  }

  VisitIndex(Database db, long capacity, boolean scan, long waitMs, ReadHook hook, long partialSumBytes) {
    this.db = db;
    this.reader = new VisitReader(db);
    this.capacity = capacity;
    this.waitMs = waitMs;
    this.hook = hook;
    this.sums = new FilteredSums(scan, new PartialSums(partialSumBytes), this);
  }

  /** Filtered reports answered {@link IndexStillReadingException} since start. */
  public long stillReadingRefused() {
    return refused.get();
  }

  /** Visits held now. */
  synchronized long held() {
    return held;
  }

  /** How the per-day partial sums of filtered reports were used so far. */
  synchronized PartialSums.Stats partialSums() {
    return sums.stats();
  }

  /** Returns once the days' sums queued so far are summed (for tests and the timer). */
  void awaitSummed() {
    sums.awaitSummed();
  }

  @Override
  public Map<String, Map<Long, Counts>> sum(ReportQuery q, Dimension dim, boolean perPeriod) {
    return sumAll(q, List.of(dim), perPeriod).get(dim);
  }

  @Override
  public Map<Dimension, Map<String, Map<Long, Counts>>> sumAll(ReportQuery q, List<Dimension> dims,
      boolean perPeriod) {
    readDays(new Range(q.portalId(), q.from().toEpochDay() - 1, q.to().toEpochDay() + 1));
    return sumHeld(q, dims, perPeriod);
  }

  private synchronized Map<Dimension, Map<String, Map<Long, Counts>>> sumHeld(ReportQuery q, List<Dimension> dims,
      boolean perPeriod) {
    Portal portal = portals.computeIfAbsent(q.portalId(), p -> new Portal());
    catchUp(q.portalId(), portal);
    long fromDay = q.from().toEpochDay();
    long toDay = q.to().toEpochDay() + 1;
    List<VisitDay> scanned = load(q.portalId(), portal, fromDay - 1, toDay); // the day before: visits running into the range
    Map<Dimension, Map<String, Map<Long, Counts>>> out = new EnumMap<>(Dimension.class);
    VisitFilter filter = resolve(q, portal);
    if (filter == null) { // no visit has a value asked for
      dims.forEach(d -> out.put(d, Map.of()));
      return out;
    }
    List<VisitGrid> grids = new ArrayList<>();
    for (Dimension dim : dims) {
      grids.add(new VisitGrid(portal, dim, perPeriod ? q.interval().hours : 0, q.fromHour(), q.toHour()));
    }
    long today = Math.floorDiv(System.currentTimeMillis(), Buckets.DAY);
    for (VisitDay day : scanned) {
      sums.add(q, filter, grids, day, today);
    }
    for (int i = 0; i < dims.size(); i++) {
      out.put(dims.get(i), grids.get(i).result());
    }
    return out;
  }

  /** The filter in the portal's codes, or null when no visit held has a value it asks for. */
  private VisitFilter resolve(ReportQuery q, Portal portal) {
    int[] codes = new int[COLUMNS];
    Arrays.fill(codes, -1);
    long[] events = null;
    for (Map.Entry<String, String> term : q.filter().terms().entrySet()) {
      if (term.getKey().equals(ReportFilter.EVENT)) {
        events = eventIds(q.portalId(), term.getValue());
        if (events.length == 0) {
          return null;
        }
        continue;
      }
      int column = FILTER_COLUMNS.get(term.getKey());
      int code = portal.dictionary(column).find(term.getValue());
      if (code < 0) {
        return null;
      }
      codes[column] = code;
    }
    return new VisitFilter(codes, events);
  }

  /** The IDs an event term names, sorted: the number itself, or the portal's definitions of that name. */
  private long[] eventIds(long portalId, String value) {
    if (!value.isEmpty() && value.length() <= 18 && value.chars().allMatch(Character::isDigit)) {
      return new long[] {Long.parseLong(value)};
    }
    return db.handle().createQuery("SELECT id FROM event_definition WHERE portal_id = :portal AND name = :name "
            + "ORDER BY id").bind("portal", portalId).bind("name", value).mapTo(Long.class).stream()
        .mapToLong(Long::longValue).toArray();
  }

  /**
   * Reads ahead, on a thread of its own, the visits of every portal's last {@code daysBack} days
   * (today's first) while the index has room, one day at a time and without holding the index
   * while it reads: a report asked for meanwhile reads the days it needs that are not being read
   * ahead, and waits only for those that are (see {@link #readDays}).
   */
  public void warm(Clock clock, int daysBack) {
    Thread thread = new Thread(() -> {
      try {
        warm(clock.millis(), daysBack);
      } catch (RuntimeException e) { // the store closed: reports read their days when asked
        return;
      }
    }, "report-index-warm");
    thread.setDaemon(true);
    thread.start();
  }

  /** Reads the days as {@link #warm(Clock, int)} says, on this thread; skips the days held or being read. */
  void warm(long nowMs, int daysBack) {
    long today = Math.floorDiv(nowMs, Buckets.DAY);
    List<Long> portalIds = db.read(() -> db.handle().createQuery("SELECT DISTINCT portal_id FROM report_day_change "
        + "WHERE day >= :from").bind("from", today - daysBack).mapTo(Long.class).list());
    for (long portalId : portalIds) {
      for (long d = today; d > today - daysBack; d--) {
        if (!warmDay(portalId, d, today)) {
          return;
        }
      }
    }
  }

  /** Reads day {@code d} ahead unless it is held or being read; false when the index has no room for it. */
  private boolean warmDay(long portalId, long d, long today) {
    CompletableFuture<Void> claim = claim(new DayKey(portalId, d));
    if (claim == null) {
      return true;
    }
    return db.read(() -> {
      if (held() + visitsOn(portalId, d, d + 1) > capacity) {
        release(new DayKey(portalId, d), claim);
        return false;
      }
      return readDay(portalId, d, today, claim, null);
    });
  }

  /** Claims day {@code key} for this thread to read; null when it is held or another thread reads it. */
  private synchronized CompletableFuture<Void> claim(DayKey key) {
    if (days.containsKey(key) || reading.containsKey(key)) {
      return null;
    }
    CompletableFuture<Void> claim = new CompletableFuture<>();
    reading.put(key, claim);
    return claim;
  }

  private synchronized void release(DayKey key, CompletableFuture<Void> claim) {
    reading.remove(key, claim);
    claim.complete(null);
  }

  /** A report's days: {@code from} to {@code to} (excluded) of a portal. */
  private record Range(long portalId, long from, long to) {
    boolean holds(DayKey key) {
      return key.portalId() == portalId && key.day() >= from && key.day() < to;
    }
  }

  /**
   * Makes the days of {@code range} held before a report adds them up: reads those no one is
   * reading (the newest first), in the caller's transaction and without holding the index, and
   * waits for those another thread (the read-ahead) is reading. A report over more visits than
   * the index holds is refused; one whose days are not all held after {@code waitMs} (having read
   * one at least) is answered {@link IndexStillReadingException}, the days read meanwhile kept.
   */
  private void readDays(Range range) {
    if (unread(range) == 0) {
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
    long today = Math.floorDiv(System.currentTimeMillis(), Buckets.DAY);
    checkRoom(range);
    for (Missing next = missing(range); next != null; next = missing(range)) {
      if (next.mine()) {
        readDay(range.portalId(), next.day(), today, next.claim(), range);
      } else {
        await(next.claim(), deadline);
      }
      long unread = System.nanoTime() - deadline > 0 ? unread(range) : 0;
      if (unread > 0) {
        refused.incrementAndGet();
        throw new IndexStillReadingException(unread, range.to() - range.from());
      }
    }
  }

  private synchronized long unread(Range range) {
    long unread = 0;
    for (long d = range.from(); d < range.to(); d++) {
      unread += days.containsKey(new DayKey(range.portalId(), d)) ? 0 : 1;
    }
    return unread;
  }

  /** A day not held yet: claimed by this thread to read, or being read by another. */
  private record Missing(long day, CompletableFuture<Void> claim, boolean mine) {
  }

  /** The newest day of the range not held that no one reads, claimed; else one being read; null: all held. */
  private synchronized Missing missing(Range range) {
    Missing waitFor = null;
    for (long d = range.to() - 1; d >= range.from(); d--) {
      DayKey key = new DayKey(range.portalId(), d);
      if (days.containsKey(key)) {
        continue;
      }
      CompletableFuture<Void> claim = reading.get(key);
      if (claim == null) {
        claim = new CompletableFuture<>();
        reading.put(key, claim);
        return new Missing(d, claim, true);
      }
      if (waitFor == null) {
        waitFor = new Missing(d, claim, false);
      }
    }
    return waitFor;
  }

  private static void await(CompletableFuture<Void> claim, long deadline) {
    try {
      claim.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) { // a failed read: the day is claimed again
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the index of visits read a day", e);
    }
  }

  private void checkRoom(Range range) {
    long visits = visitsOn(range.portalId(), range.from(), range.to());
    if (visits > capacity) {
      throw new InvalidInputException("a filtered report over these days reads " + visits
          + " visits, more than the " + capacity + " the index of visits holds (--report-index-visits): "
          + "ask for fewer days");
    }
  }

  /**
   * Reads the claimed day {@code d} from the store without holding the index, then holds it: for a
   * report (its days {@code keep}, never dropped for room) by dropping the least used days, for the
   * read-ahead ({@code keep} null) only if there is room.
   */
  private boolean readDay(long portalId, long d, long today, CompletableFuture<Void> claim, Range keep) {
    DayKey key = new DayKey(portalId, d);
    try {
      VisitReader.Day read = reader.day(portalId, d);
      hook.read(portalId, d);
      return hold(key, read, today, keep);
    } finally {
      release(key, claim);
    }
  }

  private synchronized boolean hold(DayKey key, VisitReader.Day read, long today, Range keep) {
    VisitDay day = read.day();
    if (keep == null && held + day.size > capacity) {
      return false;
    }
    Portal portal = portals.computeIfAbsent(key.portalId(), p -> new Portal());
    day.recode(read.dictionaries(), portal.dictionaries);
    day.trim(key.day() < today - 1);
    VisitDay was = days.remove(key);
    held -= was == null ? 0 : was.size;
    for (Iterator<Map.Entry<DayKey, VisitDay>> it = days.entrySet().iterator(); it.hasNext()
        && held + day.size > capacity; ) {
      Map.Entry<DayKey, VisitDay> oldest = it.next();
      if (!keep.holds(oldest.getKey())) {
        held -= oldest.getValue().size;
        it.remove();
      }
    }
    days.put(key, day);
    held += day.size;
    if (!portal.marks.contains(read.marks())) {
      portal.marks.add(read.marks());
    }
    return true;
  }

  /** Reads what was written since the last look, and since each day held since was read, into the days held. */
  private void catchUp(long portalId, Portal portal) {
    VisitReader.Marks now = reader.marks(portalId);
    long visitsFrom = Long.MAX_VALUE;
    long eventsFrom = Long.MAX_VALUE;
    for (VisitReader.Marks was : portal.marks) {
      long committedFrom = committedSince(was.writers(), now.writers());
      visitsFrom = Math.min(visitsFrom, Math.min(now.visits() != was.visits() ? was.visits() : Long.MAX_VALUE,
          committedFrom));
      eventsFrom = Math.min(eventsFrom, Math.min(now.events() != was.events() ? was.events() : Long.MAX_VALUE,
          committedFrom));
    }
    VisitReader.DayOf heldDay = d -> days.get(new DayKey(portalId, d));
    if (visitsFrom != Long.MAX_VALUE) {
      int[] codes = new int[COLUMNS];
      reader.changed(portalId, "report_session", reader.visitColumns, visitsFrom - CATCH_UP_MARGIN_MS, heldDay,
          (day, rs) -> {
            int before = day.size;
            reader.visit(rs, day, portal.dictionaries, codes);
            held += day.size - before;
          });
    }
    if (eventsFrom != Long.MAX_VALUE) {
      reader.changed(portalId, "report_visit_event", VisitReader.EVENT_COLUMNS, eventsFrom - CATCH_UP_MARGIN_MS,
          heldDay, VisitDay::completion);
    }
    // none before: this is the first look, nothing is held; the days are read whole
    portal.marks.clear();
    portal.marks.add(now);
  }

  /**
   * The oldest stamp a row committed since the last look can carry, from the appliers' feed rows
   * then ({@code before}) and now: a writer's batches run one after another and each stamps its
   * rows no earlier than it began, so a writer with batches since has stamped them no earlier
   * than its last batch seen began, and a writer new since no earlier than its first; none:
   * {@code Long.MAX_VALUE}.
   */
  static long committedSince(Map<String, ChangeFeed.Row> before, Map<String, ChangeFeed.Row> now) {
    long from = Long.MAX_VALUE;
    for (ChangeFeed.Row row : now.values()) {
      ChangeFeed.Row was = before.get(row.source());
      if (was == null || row.changes() < was.changes()) {
        from = Math.min(from, row.firstAt());
      } else if (row.changes() != was.changes()) {
        from = Math.min(from, was.lastAt());
      }
    }
    return from;
  }

  private long visitsOn(long portalId, long from, long to) {
    return db.handle().createQuery("SELECT COALESCE(SUM(sessions), 0) FROM report_day WHERE portal_id = :portal "
            + "AND dim = 'all' AND day >= :from AND day < :to").bind("portal", portalId).bind("from", from)
        .bind("to", to).mapTo(Long.class).one();
  }

  /**
   * The days {@code from} to {@code to} (excluded), as {@link #readDays} left them held; a day
   * another report's read dropped for room meanwhile is read again here, holding the index.
   */
  private List<VisitDay> load(long portalId, Portal portal, long from, long to) {
    long today = Math.floorDiv(System.currentTimeMillis(), Buckets.DAY);
    List<VisitDay> out = new ArrayList<>();
    for (long d = from; d < to; d++) {
      DayKey key = new DayKey(portalId, d);
      if (!days.containsKey(key)) {
        hold(key, reader.day(portalId, d), today, new Range(portalId, from, to));
      }
      out.add(days.get(key));
    }
    return out;
  }

  /** A portal's dictionaries (entry and exit pages share one) and how far the index has caught up. */
  static final class Portal {
    private final Dictionary[] dictionaries = VisitDay.dictionaries();
    /**
     * Where the store stood at the last catch-up and when each day read since was read: the next
     * catch-up reads what was committed after the oldest (none: nothing held, nothing to read).
     */
    final List<VisitReader.Marks> marks = new ArrayList<>();

    Dictionary dictionary(int column) {
      return dictionaries[column];
    }
  }
}
