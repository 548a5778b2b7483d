package io.spoor.report;

import io.spoor.InvalidInputException;
import io.spoor.store.ChangeFeed;
import io.spoor.store.Database;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The visits of the days reports ask about, held in memory column by column (dictionary codes
 * for pages, sources, devices, browsers and systems), with the completions made during them:
 * what filtered reports add up, since a filter can combine any dimensions. A day is read from
 * {@code report_session} when first asked for; before each report the index reads the visits and
 * completions written since it last looked ({@code changed_at}), so it follows ingest without
 * being told, by this process or any other: the change feed says which appliers committed
 * batches since, and from when each such batch's rows can be stamped (a batch committed late,
 * after another's later one, or a processor whose clock lags, is still read). At most {@code capacity} visits are held: the days used least recently go first,
 * and a filtered report whose days hold more is refused. About 150 bytes a visit.
 */
public final class VisitIndex implements Figures {
  /** How far back each catch-up reads again, for batches committed out of their time order. */
  static final long CATCH_UP_MARGIN_MS = 2_000;
  static final int SOURCE = 0;
  static final int SOURCE_DATA_1 = 1;
  static final int SOURCE_DATA_2 = 2;
  static final int DEVICE = 3;
  static final int BROWSER = 4;
  static final int OS = 5;
  static final int ENTRY = 6;
  static final int EXIT = 7;
  static final int COLUMNS = 8;
  /** More than the source buckets there are: a drill-down's code is its own times this plus its source's. */
  private static final long SOURCES = 1L << 20;
  private static final Map<String, Integer> FILTER_COLUMNS = Map.of("source", SOURCE, "source_data_1", SOURCE_DATA_1,
      "source_data_2", SOURCE_DATA_2, "device", DEVICE, "browser", BROWSER, "os", OS, "page", ENTRY, "exit", EXIT);
  private static final String VISIT_COLUMNS = "utk, started_at, last_at, entry_path, exit_path, page_views, source, "
      + "source_data_1, source_data_2, device, browser, os, new_contacts";
  private static final String EVENT_COLUMNS = "utk, started_at, event_id, hour, completions, revenue_micros";

  private final Database db;
  private final ChangeFeed feed;
  private final long capacity;
  private final Map<Long, Portal> portals = new HashMap<>();
  private final LinkedHashMap<DayKey, Day> days = new LinkedHashMap<>(64, 0.75f, true);
  private long held;

  private record DayKey(long portalId, long day) {
  }

  public VisitIndex(Database db, long capacity) {
    this.db = db;
    this.feed = new ChangeFeed(db);
    this.capacity = capacity;
  }

  /** Visits held now. */
  synchronized long held() {
    return held;
  }

  @Override
  public synchronized Map<String, Map<Long, Counts>> sum(ReportQuery q, Dimension dim, boolean perPeriod) {
    Portal portal = portals.computeIfAbsent(q.portalId(), p -> new Portal());
    catchUp(q.portalId(), portal);
    long fromDay = q.from().toEpochDay();
    long toDay = q.to().toEpochDay() + 1;
    List<Day> scanned = load(q.portalId(), portal, fromDay - 1, toDay); // the day before: visits running into the range
    int[] wanted = new int[COLUMNS];
    Arrays.fill(wanted, -1);
    for (Map.Entry<String, String> term : q.filter().terms().entrySet()) {
      int column = FILTER_COLUMNS.get(term.getKey());
      int code = portal.dictionary(column).find(term.getValue());
      if (code < 0) {
        return Map.of(); // no visit has the value
      }
      wanted[column] = code;
    }
    Grid grid = new Grid(portal, dim, perPeriod ? q.interval().hours : 0, q.fromHour(), q.toHour());
    for (Day day : scanned) {
      boolean inRange = day.day >= fromDay && dim != Dimension.EVENT;
      for (int v = 0; inRange && v < day.size; v++) {
        if (day.matches(v, wanted)) {
          grid.visit(day, v);
        }
      }
      if (dim == Dimension.ALL || dim == Dimension.EVENT) {
        for (int e = 0; e < day.events; e++) {
          if (day.eventHour[e] >= q.fromHour() && day.eventHour[e] < q.toHour() && day.matches(day.eventVisit[e], wanted)) {
            grid.completion(day, e);
          }
        }
      }
    }
    return grid.result();
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
            Day::completion);
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
    void read(Day day, java.sql.ResultSet rs) throws java.sql.SQLException;
  }

  /** Reads the rows of {@code table} changed after {@code since} (less the margin) into the days held. */
  private void readChanged(long portalId, String table, String columns, long since, RowReader reader) {
    db.handle().createQuery("SELECT " + columns + " FROM " + table + " WHERE portal_id = :portal "
            + "AND changed_at > :since").bind("portal", portalId).bind("since", since - CATCH_UP_MARGIN_MS)
        .map((rs, ctx) -> {
          Day day = days.get(new DayKey(portalId, Math.floorDiv(rs.getLong(2), Buckets.DAY)));
          if (day != null) {
            reader.read(day, rs);
          }
          return day;
        }).forEach(d -> { });
  }

  /** The days {@code from} to {@code to} (excluded), read where not held; the least used others make room. */
  private List<Day> load(long portalId, Portal portal, long from, long to) {
    Set<DayKey> needed = new HashSet<>();
    long missing = 0;
    List<Long> toRead = new ArrayList<>();
    long neededHeld = 0;
    for (long d = from; d < to; d++) {
      DayKey key = new DayKey(portalId, d);
      needed.add(key);
      Day day = days.get(key);
      if (day == null) {
        toRead.add(d);
      } else {
        neededHeld += day.size;
      }
    }
    if (!toRead.isEmpty()) {
      missing = db.handle().createQuery("SELECT COALESCE(SUM(sessions), 0) FROM report_day WHERE portal_id = :portal "
              + "AND dim = 'all' AND day >= :from AND day < :to").bind("portal", portalId).bind("from", from)
          .bind("to", to).mapTo(Long.class).one();
    }
    if (neededHeld + missing > capacity) {
      throw new InvalidInputException("a filtered report over these days reads " + (neededHeld + missing)
          + " visits, more than the " + capacity + " the index of visits holds (--report-index-visits): "
          + "ask for fewer days");
    }
    for (Iterator<Map.Entry<DayKey, Day>> it = days.entrySet().iterator(); it.hasNext()
        && held + missing > capacity; ) {
      Map.Entry<DayKey, Day> oldest = it.next();
      if (!needed.contains(oldest.getKey())) {
        held -= oldest.getValue().size;
        it.remove();
      }
    }
    for (long d : toRead) {
      Day day = new Day(d);
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
      days.put(new DayKey(portalId, d), day);
      held += day.size;
    }
    List<Day> out = new ArrayList<>();
    for (long d = from; d < to; d++) {
      out.add(days.get(new DayKey(portalId, d)));
    }
    return out;
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

  /** Distinct values of a column and their codes. */
  static final class Dictionary {
    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> values = new ArrayList<>();

    int code(String value) {
      Integer code = codes.get(value);
      if (code == null) {
        code = values.size();
        codes.put(value, code);
        values.add(value);
      }
      return code;
    }

    int find(String value) {
      return codes.getOrDefault(value, -1);
    }

    String value(int code) {
      return values.get(code);
    }

    int size() {
      return values.size();
    }
  }

  /** One day's visits (by start) and their completions, in columns. */
  static final class Day {
    final long day;
    int size;
    long[] hash = new long[64];
    int[] start = new int[64];
    int[] duration = new int[64];
    int[] pageViews = new int[64];
    int[] newContacts = new int[64];
    final int[][] columns = new int[COLUMNS][64];
    private int[] slots = new int[128];
    int events;
    int[] eventVisit = new int[16];
    long[] eventId = new long[16];
    long[] eventHour = new long[16];
    long[] eventCompletions = new long[16];
    long[] eventRevenue = new long[16];
    private int[] eventSlots = new int[32];

    Day(long day) {
      this.day = day;
    }

    /** Whether visit {@code v} has, in each column of {@code wanted}, the code given for it ({@code -1}: any). */
    boolean matches(int v, int[] wanted) {
      for (int c = 0; c < COLUMNS; c++) {
        int w = wanted[c];
        if (w >= 0 && columns[c][v] != w) {
          return false;
        }
      }
      return true;
    }

    long startedAt(int v) {
      return day * Buckets.DAY + start[v];
    }

    /** Adds or replaces a visit from a {@code report_session} row of {@link #VISIT_COLUMNS}. */
    void visit(Portal portal, java.sql.ResultSet rs) throws java.sql.SQLException {
      long h = Hll.hash(rs.getString(1));
      long startedAt = rs.getLong(2);
      int offset = (int) (startedAt - day * Buckets.DAY);
      int v = find(h, offset);
      if (v < 0) {
        v = append(h, offset);
      }
      duration[v] = (int) Math.min(Integer.MAX_VALUE, Math.max(0, rs.getLong(3) - startedAt));
      pageViews[v] = (int) Math.min(Integer.MAX_VALUE, rs.getLong(6));
      newContacts[v] = (int) Math.min(Integer.MAX_VALUE, rs.getLong(13));
      columns[ENTRY][v] = portal.dictionary(ENTRY).code(rs.getString(4));
      columns[EXIT][v] = portal.dictionary(EXIT).code(rs.getString(5));
      columns[SOURCE][v] = portal.dictionary(SOURCE).code(rs.getString(7));
      columns[SOURCE_DATA_1][v] = portal.dictionary(SOURCE_DATA_1).code(rs.getString(8));
      columns[SOURCE_DATA_2][v] = portal.dictionary(SOURCE_DATA_2).code(rs.getString(9));
      columns[DEVICE][v] = portal.dictionary(DEVICE).code(rs.getString(10));
      columns[BROWSER][v] = portal.dictionary(BROWSER).code(rs.getString(11));
      columns[OS][v] = portal.dictionary(OS).code(rs.getString(12));
    }

    /** Adds or replaces a visit's completions from a {@code report_visit_event} row of {@link #EVENT_COLUMNS}. */
    void completion(java.sql.ResultSet rs) throws java.sql.SQLException {
      int v = find(Hll.hash(rs.getString(1)), (int) (rs.getLong(2) - day * Buckets.DAY));
      if (v < 0) {
        return; // the visit's row comes with the next catch-up, and this row again with it
      }
      long id = rs.getLong(3);
      long hour = rs.getLong(4);
      int e = findEvent(v, id, hour);
      if (e < 0) {
        e = appendEvent(v, id, hour);
      }
      eventCompletions[e] = rs.getLong(5);
      eventRevenue[e] = rs.getLong(6);
    }

    private static int mix(long a, long b) {
      long h = a * 0x9E3779B97F4A7C15L + b;
      h ^= h >>> 29;
      h *= 0xBF58476D1CE4E5B9L;
      return (int) (h ^ (h >>> 32));
    }

    private int find(long h, int offset) {
      int mask = slots.length - 1;
      for (int i = mix(h, offset) & mask; slots[i] != 0; i = (i + 1) & mask) {
        int v = slots[i] - 1;
        if (hash[v] == h && start[v] == offset) {
          return v;
        }
      }
      return -1;
    }

    private int append(long h, int offset) {
      if (size == hash.length) {
        int grown = size + (size >> 1);
        hash = Arrays.copyOf(hash, grown);
        start = Arrays.copyOf(start, grown);
        duration = Arrays.copyOf(duration, grown);
        pageViews = Arrays.copyOf(pageViews, grown);
        newContacts = Arrays.copyOf(newContacts, grown);
        for (int c = 0; c < COLUMNS; c++) {
          columns[c] = Arrays.copyOf(columns[c], grown);
        }
      }
      int v = size++;
      hash[v] = h;
      start[v] = offset;
      if (size * 2 > slots.length) {
        slots = new int[slots.length * 2];
        for (int i = 0; i < size; i++) {
          place(slots, mix(hash[i], start[i]), i);
        }
      } else {
        place(slots, mix(h, offset), v);
      }
      return v;
    }

    private static void place(int[] table, int mixed, int index) {
      int mask = table.length - 1;
      int i = mixed & mask;
      while (table[i] != 0) {
        i = (i + 1) & mask;
      }
      table[i] = index + 1;
    }

    private int findEvent(int v, long id, long hour) {
      int mask = eventSlots.length - 1;
      for (int i = mix(v * 31L + id, hour) & mask; eventSlots[i] != 0; i = (i + 1) & mask) {
        int e = eventSlots[i] - 1;
        if (eventVisit[e] == v && eventId[e] == id && eventHour[e] == hour) {
          return e;
        }
      }
      return -1;
    }

    private int appendEvent(int v, long id, long hour) {
      if (events == eventVisit.length) {
        int grown = events * 2;
        eventVisit = Arrays.copyOf(eventVisit, grown);
        eventId = Arrays.copyOf(eventId, grown);
        eventHour = Arrays.copyOf(eventHour, grown);
        eventCompletions = Arrays.copyOf(eventCompletions, grown);
        eventRevenue = Arrays.copyOf(eventRevenue, grown);
      }
      int e = events++;
      eventVisit[e] = v;
      eventId[e] = id;
      eventHour[e] = hour;
      if (events * 2 > eventSlots.length) {
        eventSlots = new int[eventSlots.length * 2];
        for (int i = 0; i < events; i++) {
          place(eventSlots, mix(eventVisit[i] * 31L + eventId[i], eventHour[i]), i);
        }
      } else {
        place(eventSlots, mix(v * 31L + id, hour), e);
      }
      return e;
    }
  }

  /**
   * Matching visits and completions summed per value of one dimension and per period, in an
   * array of tallies by value code and period (the whole range in the last slot).
   */
  private static final class Grid {
    private final Portal portal;
    private final Dimension dim;
    private final int hours;
    private final boolean visitors;
    private final long fromMs;
    private final long toMs;
    private final long basePeriod;
    private final int slots;
    private final int sources;
    private final Tally[] cells;
    private final Map<Long, Tally[]> events = new HashMap<>();

    Grid(Portal portal, Dimension dim, int hours, long fromHour, long toHour) {
      this.portal = portal;
      this.dim = dim;
      this.hours = hours;
      this.visitors = Figures.countsVisitors(dim);
      this.fromMs = fromHour * RollupBatch.HOUR;
      this.toMs = toHour * RollupBatch.HOUR;
      this.basePeriod = hours == 0 ? 0 : Math.floorDiv(fromHour, hours);
      this.slots = hours == 0 ? 1 : (int) (Math.floorDiv(toHour - 1, hours) - basePeriod + 2);
      this.sources = Math.max(1, portal.dictionary(SOURCE).size());
      int codes = switch (dim) {
        case ALL, EVENT -> 1;
        case SOURCE_DATA_1 -> portal.dictionary(SOURCE_DATA_1).size() * sources;
        case PAGE -> portal.dictionary(ENTRY).size();
        case SOURCE -> portal.dictionary(SOURCE).size();
        case DEVICE -> portal.dictionary(DEVICE).size();
        case BROWSER -> portal.dictionary(BROWSER).size();
        case OS -> portal.dictionary(OS).size();
      };
      this.cells = new Tally[Math.max(1, codes) * slots];
    }

    /** The slot of an hour: its interval's number from the range's first, or 0 for the whole range. */
    private int slot(long hour) {
      return hours == 0 ? 0 : (int) (Math.floorDiv(hour, hours) - basePeriod);
    }

    private Tally cell(Tally[] in, int code, int slot) {
      int at = code * slots + slot;
      Tally t = in[at];
      return t != null ? t : (in[at] = new Tally());
    }

    void visit(Day day, int v) {
      long at = day.startedAt(v);
      if (at < fromMs || at >= toMs) {
        return;
      }
      int slot = slot(Math.floorDiv(at, RollupBatch.HOUR));
      long bounce = day.pageViews[v] == 1 ? 1 : 0;
      if (dim == Dimension.PAGE) {
        for (int s : hours == 0 ? new int[] {slot} : new int[] {slot, slots - 1}) {
          Tally entry = cell(cells, day.columns[ENTRY][v], s);
          entry.entrances++;
          entry.bounces += bounce;
          cell(cells, day.columns[EXIT][v], s).exits++;
        }
        return;
      }
      int code;
      switch (dim) {
        case ALL -> code = 0;
        case SOURCE -> code = day.columns[SOURCE][v];
        case SOURCE_DATA_1 -> {
          int data1 = day.columns[SOURCE_DATA_1][v];
          if (portal.dictionary(SOURCE_DATA_1).value(data1).isEmpty()) {
            return;
          }
          code = data1 * sources + day.columns[SOURCE][v];
        }
        case DEVICE -> code = day.columns[DEVICE][v];
        case BROWSER -> code = day.columns[BROWSER][v];
        case OS -> code = day.columns[OS][v];
        default -> {
          return; // events count completions only
        }
      }
      add(cell(cells, code, slot), day, v, bounce);
      if (hours != 0) {
        add(cell(cells, code, slots - 1), day, v, bounce);
      }
    }

    private static void add(Tally t, Day day, int v, long bounce) {
      t.sessions++;
      t.pageViews += day.pageViews[v];
      t.entrances++;
      t.exits++;
      t.bounces += bounce;
      t.durationMs += day.duration[v];
      t.newContacts += day.newContacts[v];
      t.addVisitor(day.hash[v]);
    }

    void completion(Day day, int e) {
      Tally[] in = dim == Dimension.EVENT ? events.computeIfAbsent(day.eventId[e], id -> new Tally[slots]) : cells;
      int slot = slot(day.eventHour[e]);
      for (int s : hours == 0 ? new int[] {slot} : new int[] {slot, slots - 1}) {
        Tally t = cell(in, 0, s);
        t.completions += day.eventCompletions[e];
        t.revenueMicros += day.eventRevenue[e];
      }
    }

    Map<String, Map<Long, Counts>> result() {
      Map<String, Map<Long, Counts>> out = new HashMap<>();
      if (dim == Dimension.EVENT) {
        events.forEach((id, row) -> put(out, Long.toString(id), row, 0));
        return out;
      }
      for (int code = 0; code * slots < cells.length; code++) {
        String value = switch (dim) {
          case SOURCE_DATA_1 -> Dimension.drillDown(portal.dictionary(SOURCE).value(code % sources),
              portal.dictionary(SOURCE_DATA_1).value(code / sources));
          case PAGE -> portal.dictionary(ENTRY).value(code);
          case SOURCE -> portal.dictionary(SOURCE).value(code);
          case DEVICE -> portal.dictionary(DEVICE).value(code);
          case BROWSER -> portal.dictionary(BROWSER).value(code);
          case OS -> portal.dictionary(OS).value(code);
          default -> "";
        };
        put(out, value, cells, code * slots);
      }
      return out;
    }

    private void put(Map<String, Map<Long, Counts>> out, String value, Tally[] row, int first) {
      for (int s = 0; s < slots; s++) {
        Tally t = row[first + s];
        if (t != null) {
          long period = hours == 0 ? 0 : s == slots - 1 ? WHOLE : basePeriod + s;
          out.computeIfAbsent(value, v -> new HashMap<>()).put(period, t.counts(visitors));
        }
      }
    }
  }
}
