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
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * the dimensions it shows in one pass over the matching visits; for a day done changing (before
 * yesterday) wholly inside its range, it adds up the day's partial sums ({@link PartialSums})
 * instead, summing the day once where they are missing or the day changed since.
 */
public final class VisitIndex implements Figures {
  /** How far back each catch-up reads again, for batches committed out of their time order. */
  static final long CATCH_UP_MARGIN_MS = 2_000;
  private static final Map<String, Integer> FILTER_COLUMNS = Map.of("source", SOURCE, "source_data_1", SOURCE_DATA_1,
      "source_data_2", SOURCE_DATA_2, "device", DEVICE, "browser", BROWSER, "os", OS, "page", ENTRY, "exit", EXIT);
  static final String VISIT_COLUMNS = "utk, started_at, last_at, entry_path, exit_path, page_views, source, "
      + "source_data_1, source_data_2, device, browser, os, new_contacts";
  /** The days read ahead at start: a 30-day report and the day before it. */
  public static final int WARM_DAYS = 32;
  static final String EVENT_COLUMNS = "utk, started_at, event_id, hour, completions, revenue_micros";

  private final Database db;
  private final ChangeFeed feed;
  private final long capacity;
  private final boolean scan;
  private final PartialSums partials;
  private final Map<Long, Portal> portals = new HashMap<>();
  private final LinkedHashMap<DayKey, VisitDay> days = new LinkedHashMap<>(64, 0.75f, true);
  private long held;
  private int[] selected = new int[1024];

  private record DayKey(long portalId, long day) {
  }

  public VisitIndex(Database db, long capacity) {
    this(db, capacity, false);
  }

  /** {@code scan}: read every visit of a day and check it, not the posting lists (for tests). */
  VisitIndex(Database db, long capacity, boolean scan) {
    this(db, capacity, scan, 0);
  }

  /** {@code partialSumBytes}: bytes of filtered reports' per-day partial sums kept (0: none). */
  public VisitIndex(Database db, long capacity, long partialSumBytes) {
    this(db, capacity, false, partialSumBytes);
  }

  VisitIndex(Database db, long capacity, boolean scan, long partialSumBytes) {
    this.db = db;
    this.feed = new ChangeFeed(db);
    this.capacity = capacity;
    this.scan = scan;
    this.partials = new PartialSums(partialSumBytes);
  }

  /** Visits held now. */
  synchronized long held() {
    return held;
  }

  /** How the per-day partial sums of filtered reports were used so far. */
  synchronized PartialSums.Stats partialSums() {
    return partials.stats();
  }

  @Override
  public Map<String, Map<Long, Counts>> sum(ReportQuery q, Dimension dim, boolean perPeriod) {
    return sumAll(q, List.of(dim), perPeriod).get(dim);
  }

  @Override
  public synchronized Map<Dimension, Map<String, Map<Long, Counts>>> sumAll(ReportQuery q, List<Dimension> dims,
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
    String filterKey = Arrays.toString(filter.codes()) + Arrays.toString(filter.events());
    for (VisitDay day : scanned) {
      boolean inRange = day.day >= fromDay;
      List<VisitGrid> counting = grids;
      if (partials.on() && inRange && day.day < today - 1 && day.day * Buckets.DAY >= q.fromMs()
          && (day.day + 1) * Buckets.DAY <= q.toMs()) {
        counting = fromPartials(q.portalId(), filterKey, filter, grids, day, q.fromHour(), q.toHour());
      }
      count(day, filter, counting, inRange, q.fromHour(), q.toHour());
    }
    for (int i = 0; i < dims.size(); i++) {
      out.put(dims.get(i), grids.get(i).result());
    }
    return out;
  }

  /**
   * Adds into {@code grids} the partial sums of {@code day}, a day done changing wholly inside the
   * range, summing the day first where its partial sum is missing or stale; returns the grids
   * that must count the day visit by visit instead (some completion it sums falls outside
   * [{@code fromHour}, {@code toHour})).
   */
  private List<VisitGrid> fromPartials(long portalId, String filterKey, VisitFilter filter, List<VisitGrid> grids,
      VisitDay day, long fromHour, long toHour) {
    PartialSums.Day[] sums = new PartialSums.Day[grids.size()];
    List<VisitGrid> dayGrids = new ArrayList<>();
    for (int i = 0; i < sums.length; i++) {
      VisitGrid grid = grids.get(i);
      sums[i] = partials.get(new PartialSums.Key(portalId, filterKey, grid.dimension(), grid.hours(), day.day), day);
      if (sums[i] == null) {
        dayGrids.add(grid.forDay(day));
      }
    }
    count(day, filter, dayGrids, true, Long.MIN_VALUE, Long.MAX_VALUE);
    List<VisitGrid> rest = new ArrayList<>();
    for (int i = 0, summed = 0; i < sums.length; i++) {
      VisitGrid grid = grids.get(i);
      if (sums[i] == null) {
        sums[i] = dayGrids.get(summed++).partial();
        partials.put(new PartialSums.Key(portalId, filterKey, grid.dimension(), grid.hours(), day.day), day, sums[i]);
      }
      if (sums[i].within(fromHour, toHour)) {
        grid.merge(sums[i]);
      } else {
        rest.add(grid);
      }
    }
    return rest;
  }

  /**
   * Counts into {@code grids} the matching visits of {@code day} when {@code inRange} (else only
   * their completions) and their completions made in [{@code fromHour}, {@code toHour}).
   */
  private void count(VisitDay day, VisitFilter filter, List<VisitGrid> grids, boolean inRange, long fromHour,
      long toHour) {
    boolean visits = false;
    boolean completions = false;
    for (VisitGrid grid : grids) {
      visits |= grid.countsVisits();
      completions |= grid.countsCompletions();
    }
    if (!(visits && inRange) && !completions) {
      return;
    }
    if (selected.length < Math.max(day.size, day.events)) {
      selected = new int[Math.max(Math.max(day.size, day.events), selected.length * 2)];
    }
    int n = day.select(filter, scan, selected);
    for (int i = 0; inRange && i < n; i++) {
      int v = selected[i];
      for (VisitGrid grid : grids) {
        if (grid.countsVisits()) {
          grid.visit(day, v);
        }
      }
    }
    if (completions) {
      for (int e = 0; e < day.events; e++) {
        if (day.eventHour[e] >= fromHour && day.eventHour[e] < toHour
            && Arrays.binarySearch(selected, 0, n, day.eventVisit[e]) >= 0) {
          for (VisitGrid grid : grids) {
            if (grid.countsCompletions()) {
              grid.completion(day, e);
            }
          }
        }
      }
    }
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
   * (today's first) while the index has room, one day at a time: a report asked for meanwhile
   * waits at most for the day being read, then reads its own days if they are not held yet.
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

  /** Reads the days as {@link #warm(Clock, int)} says, on this thread. */
  void warm(long nowMs, int daysBack) {
    long today = Math.floorDiv(nowMs, Buckets.DAY);
    List<Long> portalIds = db.read(() -> db.handle().createQuery("SELECT DISTINCT portal_id FROM report_day_change "
        + "WHERE day >= :from").bind("from", today - daysBack).mapTo(Long.class).list());
    for (long portalId : portalIds) {
      for (long d = today; d > today - daysBack; d--) {
        long day = d;
        boolean room = db.read(() -> {
          synchronized (this) {
            Portal portal = portals.computeIfAbsent(portalId, p -> new Portal());
            if (portal.visitsSeen < 0) {
              catchUp(portalId, portal);
            }
            if (days.containsKey(new DayKey(portalId, day))) {
              return true;
            }
            long visits = visitsOn(portalId, day, day + 1);
            if (held + visits > capacity) {
              return false;
            }
            read(portalId, portal, day, today);
            return true;
          }
        });
        if (!room) {
          return;
        }
      }
    }
  }

  /** Reads what was written since the last look into the days held. */
  private void catchUp(long portalId, Portal portal) {
    long visitsNow = latest(portalId, "report_session");
    long eventsNow = latest(portalId, "report_visit_event");
    Map<String, ChangeFeed.Row> writersNow = feed.applied(portalId);
    if (portal.visitsSeen >= 0) {
      long visitsFrom = visitsNow != portal.visitsSeen ? portal.visitsSeen : Long.MAX_VALUE;
      long eventsFrom = eventsNow != portal.eventsSeen ? portal.eventsSeen : Long.MAX_VALUE;
      long committedFrom = committedSince(portal.writers, writersNow);
      if (Math.min(visitsFrom, committedFrom) != Long.MAX_VALUE) {
        readChanged(portalId, "report_session", VISIT_COLUMNS, Math.min(visitsFrom, committedFrom), (day, rs) -> {
          int before = day.size;
          day.visit(portal, rs);
          held += day.size - before;
        });
      }
      if (Math.min(eventsFrom, committedFrom) != Long.MAX_VALUE) {
        readChanged(portalId, "report_visit_event", EVENT_COLUMNS, Math.min(eventsFrom, committedFrom),
            VisitDay::completion);
      }
    } // else this is the first look: the days are read whole
    portal.visitsSeen = visitsNow;
    portal.eventsSeen = eventsNow;
    portal.writers = writersNow;
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

  private long latest(long portalId, String table) {
    return db.handle().createQuery("SELECT COALESCE(MAX(changed_at), 0) FROM " + table + " WHERE portal_id = :portal")
        .bind("portal", portalId).mapTo(Long.class).one();
  }

  /** A row read into the day of its visit. */
  private interface RowReader {
    void read(VisitDay day, java.sql.ResultSet rs) throws java.sql.SQLException;
  }

  /** Reads the rows of {@code table} changed after {@code since} (less the margin) into the days held. */
  private void readChanged(long portalId, String table, String columns, long since, RowReader reader) {
    db.handle().createQuery("SELECT " + columns + " FROM " + table + " WHERE portal_id = :portal "
            + "AND changed_at > :since").bind("portal", portalId).bind("since", since - CATCH_UP_MARGIN_MS)
        .map((rs, ctx) -> {
          VisitDay day = days.get(new DayKey(portalId, Math.floorDiv(rs.getLong(2), Buckets.DAY)));
          if (day != null) {
            reader.read(day, rs);
          }
          return day;
        }).forEach(d -> { });
  }

  private long visitsOn(long portalId, long from, long to) {
    return db.handle().createQuery("SELECT COALESCE(SUM(sessions), 0) FROM report_day WHERE portal_id = :portal "
            + "AND dim = 'all' AND day >= :from AND day < :to").bind("portal", portalId).bind("from", from)
        .bind("to", to).mapTo(Long.class).one();
  }

  /** The days {@code from} to {@code to} (excluded), read where not held; the least used others make room. */
  private List<VisitDay> load(long portalId, Portal portal, long from, long to) {
    Set<DayKey> needed = new HashSet<>();
    List<Long> toRead = new ArrayList<>();
    long neededHeld = 0;
    for (long d = from; d < to; d++) {
      DayKey key = new DayKey(portalId, d);
      needed.add(key);
      VisitDay day = days.get(key);
      if (day == null) {
        toRead.add(d);
      } else {
        neededHeld += day.size;
      }
    }
    long missing = toRead.isEmpty() ? 0 : visitsOn(portalId, from, to) - neededHeld;
    if (neededHeld + missing > capacity) {
      throw new InvalidInputException("a filtered report over these days reads " + (neededHeld + missing)
          + " visits, more than the " + capacity + " the index of visits holds (--report-index-visits): "
          + "ask for fewer days");
    }
    for (Iterator<Map.Entry<DayKey, VisitDay>> it = days.entrySet().iterator(); it.hasNext()
        && held + missing > capacity; ) {
      Map.Entry<DayKey, VisitDay> oldest = it.next();
      if (!needed.contains(oldest.getKey())) {
        held -= oldest.getValue().size;
        it.remove();
      }
    }
    long today = Math.floorDiv(System.currentTimeMillis(), Buckets.DAY);
    for (long d : toRead) {
      read(portalId, portal, d, today);
    }
    List<VisitDay> out = new ArrayList<>();
    for (long d = from; d < to; d++) {
      out.add(days.get(new DayKey(portalId, d)));
    }
    return out;
  }

  /** Reads day {@code d} whole into the index; a day before yesterday is taken as done changing. */
  private void read(long portalId, Portal portal, long d, long today) {
    VisitDay day = new VisitDay(d);
    db.handle().createQuery("SELECT " + VISIT_COLUMNS + " FROM report_session WHERE portal_id = :portal "
            + "AND started_at >= :from AND started_at < :to").bind("portal", portalId)
        .bind("from", d * Buckets.DAY).bind("to", (d + 1) * Buckets.DAY)
        .map((rs, ctx) -> {
          day.visit(portal, rs);
          return day;
        }).forEach(x -> { });
    db.handle().createQuery("SELECT " + EVENT_COLUMNS + " FROM report_visit_event WHERE portal_id = :portal "
            + "AND started_at >= :from AND started_at < :to").bind("portal", portalId)
        .bind("from", d * Buckets.DAY).bind("to", (d + 1) * Buckets.DAY)
        .map((rs, ctx) -> {
          day.completion(rs);
          return day;
        }).forEach(x -> { });
    day.trim(d < today - 1);
    days.put(new DayKey(portalId, d), day);
    held += day.size;
  }

  /** A portal's dictionaries (entry and exit pages share one) and how far the index has caught up. */
  static final class Portal {
    private final Dictionary[] dictionaries = new Dictionary[COLUMNS];
    long visitsSeen = -1;
    long eventsSeen = -1;
    /** The appliers' change feed rows of the portal at the last look, by source. */
    Map<String, ChangeFeed.Row> writers = Map.of();

    Portal() {
      for (int c = 0; c < COLUMNS; c++) {
        dictionaries[c] = c == EXIT ? dictionaries[ENTRY] : new Dictionary();
      }
    }

    Dictionary dictionary(int column) {
      return dictionaries[column];
    }
  }
}
