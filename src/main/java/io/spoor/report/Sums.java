package io.spoor.report;

import java.util.Arrays;

/**
 * One period's counts per value of a dimension, summed in flat arrays indexed by the value's code
 * (so a daily series of thousands of values costs no map entry or object per value and day):
 * ten longs a value, the rollup tables' nine columns in their order, then the visitors. Visitors
 * are either merged sketches ({@code merge}: a visitor seen on many days counts once) or each
 * day's estimate added up; dimensions that do not count visitors keep neither.
 */
final class Sums {
  /** A value's counts: the rollup tables' nine columns in {@link Buckets}' order, then the visitors. */
  static final int WIDTH = Buckets.COUNTS + 1;
  static final int PAGE_VIEWS = Buckets.PAGE_VIEWS;
  static final int SESSIONS = Buckets.SESSIONS;
  static final int ENTRANCES = Buckets.ENTRANCES;
  static final int EXITS = Buckets.EXITS;
  static final int BOUNCES = Buckets.BOUNCES;
  static final int DURATION_MS = Buckets.DURATION;
  static final int NEW_CONTACTS = Buckets.NEW_CONTACTS;
  static final int COMPLETIONS = Buckets.COMPLETIONS;
  static final int REVENUE_MICROS = Buckets.REVENUE;
  static final int VISITORS = Buckets.COUNTS;
  private final boolean countsVisitors;
  private final boolean merge;
  private long[] counts;
  private boolean[] present;
  private Hll[] sketches;
  private boolean any;

  Sums(int codes, boolean countsVisitors, boolean merge) {
    this.countsVisitors = countsVisitors;
    this.merge = merge;
    this.counts = new long[Math.max(1, codes) * WIDTH];
    this.present = new boolean[Math.max(1, codes)];
    this.sketches = merge && countsVisitors ? new Hll[present.length] : null;
  }

  /** Adds row {@code row} of a day's buckets (its nine counts at {@code from[row * 9]}) as value {@code code}. */
  void add(int code, long[] from, int row, byte[] sketch, long estimate) {
    fit(code);
    present[code] = true;
    any = true;
    int at = code * WIDTH;
    int src = row * (WIDTH - 1);
    for (int f = 0; f < WIDTH - 1; f++) {
      counts[at + f] += from[src + f];
    }
    if (!countsVisitors || sketch == null) {
      return;
    }
    if (merge) {
      (sketches[code] == null ? sketches[code] = new Hll() : sketches[code]).mergeStored(sketch);
    } else {
      counts[at + VISITORS] += estimate;
    }
  }

  private void fit(int code) {
    if (code >= present.length) {
      int size = Math.max(code + 1, present.length * 2);
      counts = Arrays.copyOf(counts, size * WIDTH);
      present = Arrays.copyOf(present, size);
      sketches = sketches == null ? null : Arrays.copyOf(sketches, size);
    }
  }

  /** Adds value {@code code} of {@code other} into value {@code into}, visitors as their estimate. */
  void addFrom(Sums other, int code, int into) {
    fit(into);
    present[into] = true;
    any = true;
    for (int f = 0; f < WIDTH - 1; f++) {
      counts[into * WIDTH + f] += other.counts[code * WIDTH + f];
    }
    if (countsVisitors && !merge) {
      counts[into * WIDTH + VISITORS] += Math.max(0, other.get(code, VISITORS));
    }
  }

  /** Whether any bucket was added. */
  boolean any() {
    return any;
  }

  /** How many codes this period has room for; codes at or past it are absent. */
  int codes() {
    return present.length;
  }

  /** Whether a bucket of value {@code code} was added, even one of zeros. */
  boolean has(int code) {
    return code < present.length && present[code];
  }

  /**
   * Count {@code field} of value {@code code}; merged visitors are estimated from their sketch
   * the first time they are read, so a period is read only once every bucket is added.
   */
  long get(int code, int field) {
    if (field == VISITORS) {
      if (!countsVisitors) {
        return -1;
      }
      if (merge && sketches[code] != null) { // estimated once, when first read: nothing is added after
        counts[code * WIDTH + VISITORS] = sketches[code].estimate();
        sketches[code] = null;
      }
    }
    return counts[code * WIDTH + field];
  }

  /** The sums of value {@code code}; visitors -1 where the dimension does not count them. */
  Counts counts(int code) {
    int at = code * WIDTH;
    return new Counts(get(code, VISITORS), counts[at + SESSIONS], counts[at + PAGE_VIEWS], counts[at + ENTRANCES],
        counts[at + EXITS], counts[at + BOUNCES], counts[at + DURATION_MS], counts[at + NEW_CONTACTS],
        counts[at + COMPLETIONS], counts[at + REVENUE_MICROS]);
  }
}
