package io.spoor.report;

import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Filtered reports' sums of single days done changing, so a filter asked again adds up one
 * partial sum per day instead of the day's matching visits. A day's partial sum is kept per
 * portal, filter (as resolved to codes and event IDs), dimension, interval and UTC day, and is
 * trusted only while the index holds the same copy of the day ({@link VisitDay#copy}) in the
 * same state ({@link VisitDay#changes}): a late batch writing into the day has it summed again.
 * At most {@code maxBytes} are kept (about), the least recently used dropped first.
 */
final class PartialSums {
  /** What an entry costs beside its arrays: the key, the entry, the map's node (about). */
  private static final long ENTRY_BYTES = 200;

  /** Which partial sum: {@code filter} is the resolved filter written out. */
  record Key(long portalId, String filter, Dimension dim, int hours, long day) {
  }

  /**
   * One day's partial sums of a grid: per tally in use, its value ({@code value}: the code,
   * the drill-down's code in the high half and its source's in the low one, or the event ID),
   * its period (0 without an interval), its sums ({@link Tally#SUMS} each) and its visitors'
   * stored sketch (null where none is counted); and the first and last hour of the completions
   * summed (none: first after last).
   */
  record Day(long[] values, long[] periods, long[] sums, byte[][] sketches, long firstHour, long lastHour) {
    /** Whether every completion summed falls inside [{@code fromHour}, {@code toHour}). */
    boolean within(long fromHour, long toHour) {
      return firstHour > lastHour || (firstHour >= fromHour && lastHour < toHour);
    }

    long bytes() {
      long bytes = 16L * 4 + 8L * (values.length + periods.length + sums.length);
      if (sketches != null) {
        for (byte[] sketch : sketches) {
          bytes += 8 + (sketch == null ? 0 : 16 + sketch.length);
        }
      }
      return bytes;
    }
  }

  private record Entry(Object copy, long changes, Day day, long bytes) {
  }

  private final long maxBytes;
  private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
  private long bytes;
  private long hits;
  private long misses;

  /** {@code maxBytes} 0: none is kept. */
  PartialSums(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  boolean on() {
    return maxBytes > 0;
  }

  /** The partial sum of {@code day} as it is now, or null (a miss) when there is none or the day changed since. */
  Day get(Key key, VisitDay day) {
    Entry entry = entries.get(key);
    if (entry != null && entry.copy() == day.copy && entry.changes() == day.changes()) {
      hits++;
      return entry.day();
    }
    misses++;
    return null;
  }

  /** Whether the partial sum of {@code day} as it is now is kept (not counted as a use). */
  boolean holds(Key key, VisitDay day) {
    Entry entry = entries.get(key);
    return entry != null && entry.copy() == day.copy && entry.changes() == day.changes();
  }

  /** Keeps {@code sum} as the partial sum of {@code day} as it is now, dropping the least used past the bound. */
  void put(Key key, VisitDay day, Day sum) {
    long size = ENTRY_BYTES + 2L * key.filter().length() + sum.bytes();
    Entry old = entries.put(key, new Entry(day.copy, day.changes(), sum, size));
    bytes += size - (old == null ? 0 : old.bytes());
    for (Iterator<Entry> it = entries.values().iterator(); bytes > maxBytes && it.hasNext(); ) {
      bytes -= it.next().bytes();
      it.remove();
    }
  }

  /** Partial sums used, missing or stale, kept, and the bytes they take: for the benchmark and tests. */
  record Stats(long hits, long misses, int kept, long bytes) {
  }

  Stats stats() {
    return new Stats(hits, misses, entries.size(), bytes);
  }
}
