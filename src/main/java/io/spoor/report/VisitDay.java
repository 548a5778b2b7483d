package io.spoor.report;

import java.util.Arrays;

/**
 * One day's visits (by start) and the completions made during them, held column by column:
 * the visitor's hash, start, duration, page views and new contacts as primitives, and the
 * dimensions as dictionary codes. A column a filter asks about gets a posting list (the visits
 * of each code, in order), built when first asked for and again after the day changed, so a
 * filtered report reads only the visits holding its rarest value. A day done changing drops its
 * lookup table (rebuilt if a late batch writes to it) and its arrays' spare room.
 */
final class VisitDay {
  static final int SOURCE = 0;
  static final int SOURCE_DATA_1 = 1;
  static final int SOURCE_DATA_2 = 2;
  static final int DEVICE = 3;
  static final int BROWSER = 4;
  static final int OS = 5;
  static final int ENTRY = 6;
  static final int EXIT = 7;
  static final int COLUMNS = 8;
  private static final int FIRST_ROOM = 16;

  final long day;
  int size;
  long[] hash = new long[FIRST_ROOM];
  int[] start = new int[FIRST_ROOM];
  int[] duration = new int[FIRST_ROOM];
  int[] pageViews = new int[FIRST_ROOM];
  int[] newContacts = new int[FIRST_ROOM];
  final int[][] columns = new int[COLUMNS][FIRST_ROOM];
  private int[] slots = new int[2 * FIRST_ROOM];
  int events;
  int[] eventVisit = new int[FIRST_ROOM];
  long[] eventId = new long[FIRST_ROOM];
  long[] eventHour = new long[FIRST_ROOM];
  long[] eventCompletions = new long[FIRST_ROOM];
  long[] eventRevenue = new long[FIRST_ROOM];
  private int[] eventSlots = new int[2 * FIRST_ROOM];
  /** Moves whenever a visit is added or changed: the posting lists of an older version are stale. */
  private int version;
  /** Moves whenever a completion is added or changed. */
  private int completionsVersion;
  /** Tells this copy of the day apart: a day dropped and read again is another copy, with another token. */
  final Object copy = new Object();
  private final int[][] postingStarts = new int[COLUMNS][];
  private final int[][] postings = new int[COLUMNS][];
  private final int[] postingVersions = new int[COLUMNS];

  VisitDay(long day) {
    this.day = day;
  }

  /** Moves whenever a visit or a completion is added or changed: with {@link #copy}, what the day holds now. */
  long changes() {
    return (long) version + completionsVersion;
  }

  long startedAt(int v) {
    return day * Buckets.DAY + start[v];
  }

  /**
   * Writes into {@code out} (room for {@link #size} at least) the visits matching {@code filter}
   * in order and returns how many: by the posting list of the rarest value asked for, or the
   * visits with a completion of an event asked for, each then checked against the rest;
   * {@code scan} reads every visit instead (the reference the posting lists are tested against).
   */
  int select(VisitFilter filter, boolean scan, int[] out) {
    int n = 0;
    if (scan) {
      for (int v = 0; v < size; v++) {
        if (filter.matchesColumns(this, v) && (filter.events() == null || completedAny(v, filter.events()))) {
          out[n++] = v;
        }
      }
      return n;
    }
    if (filter.events() != null) {
      for (int e = 0; e < events; e++) {
        if (Arrays.binarySearch(filter.events(), eventId[e]) >= 0) {
          out[n++] = eventVisit[e];
        }
      }
      Arrays.sort(out, 0, n);
      int kept = 0;
      for (int i = 0; i < n; i++) {
        int v = out[i];
        if ((kept == 0 || out[kept - 1] != v) && filter.matchesColumns(this, v)) {
          out[kept++] = v;
        }
      }
      return kept;
    }
    int rarest = -1;
    int from = 0;
    int to = size;
    for (int c = 0; c < COLUMNS; c++) {
      int code = filter.codes()[c];
      if (code >= 0) {
        postings(c);
        int[] starts = postingStarts[c];
        int a = code + 1 < starts.length ? starts[code] : 0;
        int b = code + 1 < starts.length ? starts[code + 1] : 0;
        if (rarest < 0 || b - a < to - from) {
          rarest = c;
          from = a;
          to = b;
        }
      }
    }
    int[] list = rarest < 0 ? null : postings[rarest];
    for (int i = from; i < to; i++) {
      int v = list == null ? i : list[i];
      if (filter.matchesColumns(this, v)) {
        out[n++] = v;
      }
    }
    return n;
  }

  private boolean completedAny(int v, long[] ids) {
    for (int e = 0; e < events; e++) {
      if (eventVisit[e] == v && Arrays.binarySearch(ids, eventId[e]) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** The visits of each code of column {@code c}, by a counting sort of the column, if not current. */
  private void postings(int c) {
    if (postings[c] != null && postingVersions[c] == version) {
      return;
    }
    int[] column = columns[c];
    int max = -1;
    for (int v = 0; v < size; v++) {
      max = Math.max(max, column[v]);
    }
    int[] starts = new int[max + 2];
    for (int v = 0; v < size; v++) {
      starts[column[v] + 1]++;
    }
    for (int i = 1; i < starts.length; i++) {
      starts[i] += starts[i - 1];
    }
    int[] fill = Arrays.copyOf(starts, starts.length);
    int[] list = new int[size];
    for (int v = 0; v < size; v++) {
      list[fill[column[v]]++] = v;
    }
    postingStarts[c] = starts;
    postings[c] = list;
    postingVersions[c] = version;
  }

  /** A fresh set of dictionaries, one per column, entry and exit pages sharing one. */
  static Dictionary[] dictionaries() {
    Dictionary[] dictionaries = new Dictionary[COLUMNS];
    for (int c = 0; c < COLUMNS; c++) {
      dictionaries[c] = c == EXIT ? dictionaries[ENTRY] : new Dictionary();
    }
    return dictionaries;
  }

  /**
   * Adds or replaces a visit: its visitor's hash, its start and last hit (epoch ms), its page views
   * and new contacts, and the codes of its values by column (in dictionaries of this day or its portal).
   */
  void visit(long hash, long startedAt, long lastAt, long views, long contacts, int[] codes) {
    int offset = (int) (startedAt - day * Buckets.DAY);
    int v = find(hash, offset);
    if (v < 0) {
      v = append(hash, offset);
    }
    version++;
    duration[v] = (int) Math.min(Integer.MAX_VALUE, Math.max(0, lastAt - startedAt));
    pageViews[v] = (int) Math.min(Integer.MAX_VALUE, views);
    newContacts[v] = (int) Math.min(Integer.MAX_VALUE, contacts);
    for (int c = 0; c < COLUMNS; c++) {
      columns[c][v] = codes[c];
    }
  }

  /** Moves the codes of a day read with dictionaries of its own ({@code from}) into the portal's ({@code to}). */
  void recode(Dictionary[] from, Dictionary[] to) {
    for (int c = 0; c < COLUMNS; c++) {
      Dictionary mine = from[c];
      int[] codes = new int[mine.size()];
      for (int code = 0; code < codes.length; code++) {
        codes[code] = to[c].code(mine.value(code));
      }
      int[] column = columns[c];
      for (int v = 0; v < size; v++) {
        column[v] = codes[column[v]];
      }
    }
    version++;
  }

  /**
   * Adds or replaces a visit's completions from a {@code report_visit_event}
   * row of {@link VisitReader#EVENT_COLUMNS}.
   */
  void completion(java.sql.ResultSet rs) throws java.sql.SQLException {
    int v = find(Hll.hash(rs.getString(1)), (int) (rs.getLong(2) - day * Buckets.DAY));
    if (v < 0) {
      return; // the visit's row comes with the next catch-up, and this row again with it
    }
    completionsVersion++;
    long id = rs.getLong(3);
    long hour = rs.getLong(4);
    int e = findEvent(v, id, hour);
    if (e < 0) {
      e = appendEvent(v, id, hour);
    }
    eventCompletions[e] = rs.getLong(5);
    eventRevenue[e] = rs.getLong(6);
  }

  /** Gives back the arrays' spare room and, for a day done changing, the lookup tables. */
  void trim(boolean done) {
    resizeVisits(size);
    resizeEvents(events);
    if (done) {
      slots = null;
      eventSlots = null;
    }
  }

  private void resizeVisits(int room) {
    hash = Arrays.copyOf(hash, room);
    start = Arrays.copyOf(start, room);
    duration = Arrays.copyOf(duration, room);
    pageViews = Arrays.copyOf(pageViews, room);
    newContacts = Arrays.copyOf(newContacts, room);
    for (int c = 0; c < COLUMNS; c++) {
      columns[c] = Arrays.copyOf(columns[c], room);
    }
  }

  private void resizeEvents(int room) {
    eventVisit = Arrays.copyOf(eventVisit, room);
    eventId = Arrays.copyOf(eventId, room);
    eventHour = Arrays.copyOf(eventHour, room);
    eventCompletions = Arrays.copyOf(eventCompletions, room);
    eventRevenue = Arrays.copyOf(eventRevenue, room);
  }

  private static int mix(long a, long b) {
    long h = a * 0x9E3779B97F4A7C15L + b;
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    return (int) (h ^ (h >>> 32));
  }

  private static int tableFor(int entries) {
    return Integer.highestOneBit(Math.max(FIRST_ROOM, entries) * 2) * 2;
  }

  /** Builds the lookup table of the visits, by visitor hash and start. */
  private void tableVisits() {
    slots = new int[tableFor(size)];
    for (int i = 0; i < size; i++) {
      place(slots, mix(hash[i], start[i]), i);
    }
  }

  /** Builds the lookup table of the completions, by visit, event and hour. */
  private void tableEvents() {
    eventSlots = new int[tableFor(events)];
    for (int i = 0; i < events; i++) {
      place(eventSlots, mix(eventVisit[i] * 31L + eventId[i], eventHour[i]), i);
    }
  }

  private int find(long h, int offset) {
    if (slots == null) {
      tableVisits();
    }
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
      resizeVisits(Math.max(FIRST_ROOM, size + (size >> 1)));
    }
    int v = size++;
    hash[v] = h;
    start[v] = offset;
    if (size * 2 > slots.length) {
      tableVisits();
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
    if (eventSlots == null) {
      tableEvents();
    }
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
      resizeEvents(Math.max(FIRST_ROOM, events * 2));
    }
    int e = events++;
    eventVisit[e] = v;
    eventId[e] = id;
    eventHour[e] = hour;
    if (events * 2 > eventSlots.length) {
      tableEvents();
    } else {
      place(eventSlots, mix(v * 31L + id, hour), e);
    }
    return e;
  }
}
