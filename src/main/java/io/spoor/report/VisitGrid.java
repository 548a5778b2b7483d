package io.spoor.report;

import static io.spoor.report.VisitDay.BROWSER;
import static io.spoor.report.VisitDay.DEVICE;
import static io.spoor.report.VisitDay.ENTRY;
import static io.spoor.report.VisitDay.EXIT;
import static io.spoor.report.VisitDay.OS;
import static io.spoor.report.VisitDay.SOURCE;
import static io.spoor.report.VisitDay.SOURCE_DATA_1;

import java.util.HashMap;
import java.util.Map;

/**
 * Matching visits and completions of the index summed per value of one dimension and per
 * period, in an array of tallies by value code and period (the whole range in the last slot).
 * A grid of one day's visits ({@link #forDay}) has no slot for the whole range and becomes that
 * day's partial sums ({@link #partial}), which a report's grid then adds up ({@link #merge})
 * instead of counting the day's visits one by one.
 */
final class VisitGrid {
  private final VisitIndex.Portal portal;
  private final Dimension dim;
  private final int hours;
  /** Whether the last slot sums the whole range (a report's grid per period). */
  private final boolean whole;
  private final boolean visitors;
  private final long fromMs;
  private final long toMs;
  private final long basePeriod;
  private final int slots;
  private final int sources;
  private final Tally[] cells;
  private final Map<Long, Tally[]> events = new HashMap<>();
  /** The first and last hour of the completions counted (none: first after last). */
  private long firstHour = Long.MAX_VALUE;
  private long lastHour = Long.MIN_VALUE;

  VisitGrid(VisitIndex.Portal portal, Dimension dim, int hours, long fromHour, long toHour) {
    this(portal, dim, hours, fromHour, toHour, hours != 0);
  }

  private VisitGrid(VisitIndex.Portal portal, Dimension dim, int hours, long fromHour, long toHour, boolean whole) {
    this.portal = portal;
    this.dim = dim;
    this.hours = hours;
    this.whole = whole;
    this.visitors = Figures.countsVisitors(dim);
    this.fromMs = fromHour * RollupBatch.HOUR;
    this.toMs = toHour * RollupBatch.HOUR;
    this.basePeriod = hours == 0 ? 0 : Math.floorDiv(fromHour, hours);
    this.slots = hours == 0 ? 1 : (int) (Math.floorDiv(toHour - 1, hours) - basePeriod + (whole ? 2 : 1));
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

  /**
   * An empty grid like this one for the visits of {@code day} alone, with the completions made
   * during them whenever they were made, and no slot for the whole range.
   */
  VisitGrid forDay(VisitDay day) {
    long first = day.day * 24;
    long last = first + 23;
    for (int e = 0; countsCompletions() && e < day.events; e++) {
      first = Math.min(first, day.eventHour[e]);
      last = Math.max(last, day.eventHour[e]);
    }
    return new VisitGrid(portal, dim, hours, first, last + 1, false);
  }

  Dimension dimension() {
    return dim;
  }

  int hours() {
    return hours;
  }

  /** Whether this grid counts visits (events count completions only). */
  boolean countsVisits() {
    return dim != Dimension.EVENT;
  }

  /** Whether this grid counts completions (the whole and events). */
  boolean countsCompletions() {
    return dim == Dimension.ALL || dim == Dimension.EVENT;
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

  void visit(VisitDay day, int v) {
    long at = day.startedAt(v);
    if (at < fromMs || at >= toMs) {
      return;
    }
    int slot = slot(Math.floorDiv(at, RollupBatch.HOUR));
    long bounce = day.pageViews[v] == 1 ? 1 : 0;
    if (dim == Dimension.PAGE) {
      entryAndExit(day, v, slot, bounce);
      if (whole) {
        entryAndExit(day, v, slots - 1, bounce);
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
    if (whole) {
      add(cell(cells, code, slots - 1), day, v, bounce);
    }
  }

  private void entryAndExit(VisitDay day, int v, int slot, long bounce) {
    Tally entry = cell(cells, day.columns[ENTRY][v], slot);
    entry.entrances++;
    entry.bounces += bounce;
    cell(cells, day.columns[EXIT][v], slot).exits++;
  }

  private static void add(Tally t, VisitDay day, int v, long bounce) {
    t.sessions++;
    t.pageViews += day.pageViews[v];
    t.entrances++;
    t.exits++;
    t.bounces += bounce;
    t.durationMs += day.duration[v];
    t.newContacts += day.newContacts[v];
    t.addVisitor(day.hash[v]);
  }

  void completion(VisitDay day, int e) {
    Tally[] in = dim == Dimension.EVENT ? events.computeIfAbsent(day.eventId[e], id -> new Tally[slots]) : cells;
    int slot = slot(day.eventHour[e]);
    firstHour = Math.min(firstHour, day.eventHour[e]);
    lastHour = Math.max(lastHour, day.eventHour[e]);
    completion(cell(in, 0, slot), day, e);
    if (whole) {
      completion(cell(in, 0, slots - 1), day, e);
    }
  }

  private static void completion(Tally t, VisitDay day, int e) {
    t.completions += day.eventCompletions[e];
    t.revenueMicros += day.eventRevenue[e];
  }

  /** The sums of a grid {@link #forDay}, compact: its tallies in use, their visitor sketches stored. */
  PartialSums.Day partial() {
    int n = dim == Dimension.EVENT ? 0 : used(cells);
    for (Tally[] row : events.values()) {
      n += used(row);
    }
    PartialSums.Day out = new PartialSums.Day(new long[n], new long[n], new long[n * Tally.SUMS],
        visitors ? new byte[n][] : null, firstHour, lastHour);
    int i = 0;
    if (dim == Dimension.EVENT) {
      for (Map.Entry<Long, Tally[]> row : events.entrySet()) {
        for (int s = 0; s < slots; s++) {
          i = keep(out, i, row.getKey(), s, row.getValue()[s]);
        }
      }
      return out;
    }
    for (int at = 0; at < cells.length; at++) {
      int code = at / slots;
      long value = dim == Dimension.SOURCE_DATA_1 ? (long) (code / sources) << 32 | code % sources : code;
      i = keep(out, i, value, at % slots, cells[at]);
    }
    return out;
  }

  private static int used(Tally[] row) {
    int n = 0;
    for (Tally t : row) {
      n += t != null ? 1 : 0;
    }
    return n;
  }

  private int keep(PartialSums.Day out, int i, long value, int slot, Tally t) {
    if (t == null) {
      return i;
    }
    out.values()[i] = value;
    out.periods()[i] = basePeriod + slot;
    t.write(out.sums(), i * Tally.SUMS);
    if (visitors && t.visitors != null) {
      out.sketches()[i] = t.visitors.toBytes();
    }
    return i + 1;
  }

  /**
   * Adds a day's partial sums, as if its visits and completions were counted here one by one:
   * they must all fall inside this grid's range ({@link PartialSums.Day#within}).
   */
  void merge(PartialSums.Day day) {
    for (int i = 0; i < day.values().length; i++) {
      long value = day.values()[i];
      Tally[] in = cells;
      int code = (int) value;
      if (dim == Dimension.EVENT) {
        in = events.computeIfAbsent(value, id -> new Tally[slots]);
        code = 0;
      } else if (dim == Dimension.SOURCE_DATA_1) {
        code = (int) (value >>> 32) * sources + (int) value;
      }
      int slot = hours == 0 ? 0 : (int) (day.periods()[i] - basePeriod);
      merge(cell(in, code, slot), day, i);
      if (whole) {
        merge(cell(in, code, slots - 1), day, i);
      }
    }
  }

  private static void merge(Tally t, PartialSums.Day day, int i) {
    t.add(day.sums(), i * Tally.SUMS);
    if (day.sketches() != null) {
      t.addVisitors(day.sketches()[i]);
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
        long period = hours == 0 ? 0 : s == slots - 1 ? Figures.WHOLE : basePeriod + s;
        out.computeIfAbsent(value, v -> new HashMap<>()).put(period, t.counts(visitors));
      }
    }
  }
}
