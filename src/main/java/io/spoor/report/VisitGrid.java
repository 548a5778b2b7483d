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
 */
final class VisitGrid {
  private final VisitIndex.Portal portal;
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

  VisitGrid(VisitIndex.Portal portal, Dimension dim, int hours, long fromHour, long toHour) {
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
      if (hours != 0) {
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
    if (hours != 0) {
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
    completion(cell(in, 0, slot), day, e);
    if (hours != 0) {
      completion(cell(in, 0, slots - 1), day, e);
    }
  }

  private static void completion(Tally t, VisitDay day, int e) {
    t.completions += day.eventCompletions[e];
    t.revenueMicros += day.eventRevenue[e];
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
