package io.spoor.report;

import java.util.HashMap;
import java.util.Map;

/**
 * Additions to the buckets gathered in a batch, one entry per bucket: daily buckets for every
 * dimension, hourly ones for the whole ({@link Dimension#ALL}) and events only. Visits new in
 * the batch add their visitor to the sketches of the visit dimensions' daily buckets and of the
 * whole's hourly one.
 */
final class Buckets {
  static final int PAGE_VIEWS = 0;
  static final int SESSIONS = 1;
  static final int ENTRANCES = 2;
  static final int EXITS = 3;
  static final int BOUNCES = 4;
  static final int DURATION = 5;
  static final int NEW_CONTACTS = 6;
  static final int COMPLETIONS = 7;
  static final int REVENUE = 8;
  static final int COUNTS = 9;
  static final long DAY = 24 * RollupBatch.HOUR;
  static final Dimension[] VISIT_DIMENSIONS = {Dimension.ALL, Dimension.SOURCE, Dimension.SOURCE_DATA_1,
      Dimension.DEVICE, Dimension.BROWSER, Dimension.OS};

  /** {@code period}: the epoch day, or the epoch hour when {@code hourly}. */
  record Key(long portalId, Dimension dim, String value, long period, boolean hourly) {
  }

  /** A bucket's additions: its counts, and the visitors new to it (null for none). */
  static final class Change {
    final long[] counts = new long[COUNTS];
    Hll visitors;
  }

  private final Map<Key, Change> added = new HashMap<>();

  void add(long portalId, Dimension dim, String value, long at, int count, long by) {
    if (by != 0) {
      change(new Key(portalId, dim, value, Math.floorDiv(at, DAY), false)).counts[count] += by;
      if (dim == Dimension.ALL || dim == Dimension.EVENT) {
        change(new Key(portalId, dim, value, Math.floorDiv(at, RollupBatch.HOUR), true)).counts[count] += by;
      }
    }
  }

  private Change change(Key key) {
    return added.computeIfAbsent(key, k -> new Change());
  }

  /** The bucket value of a visit dimension for {@code row}, null where the visit has none. */
  static String value(SessionRow row, Dimension d) {
    return switch (d) {
      case SOURCE -> row.source();
      case SOURCE_DATA_1 -> row.sourceData1().isEmpty() ? null : Dimension.drillDown(row.source(), row.sourceData1());
      case DEVICE -> row.device();
      case BROWSER -> row.browser();
      case OS -> row.os();
      default -> "";
    };
  }

  /**
   * What a visit adds to the buckets of its start ({@code sign} -1 takes it back); a visit seen
   * for the first time ({@code isNew}) also adds its visitor. Each visit dimension's buckets are
   * looked up once (the daily one, and the hourly one of the whole) and all of its counts added.
   */
  void session(SessionRow row, int sign, boolean isNew) {
    long at = row.startedAt();
    long bounce = row.bounced() ? sign : 0;
    long duration = sign * row.durationMs();
    long hash = isNew ? Hll.hash(row.utk()) : 0;
    long day = Math.floorDiv(at, DAY);
    for (Dimension d : VISIT_DIMENSIONS) {
      String value = value(row, d);
      if (value != null) {
        boolean whole = d == Dimension.ALL; // the whole's page views and contacts are counted as they happen
        sessionInto(change(new Key(row.portalId(), d, value, day, false)), whole ? null : row, sign, bounce, duration,
            isNew, hash);
        if (whole) {
          sessionInto(change(new Key(row.portalId(), d, value, Math.floorDiv(at, RollupBatch.HOUR), true)), null,
              sign, bounce, duration, isNew, hash);
        }
      }
    }
    add(row.portalId(), Dimension.PAGE, row.entryPath(), at, ENTRANCES, sign);
    add(row.portalId(), Dimension.PAGE, row.entryPath(), at, BOUNCES, bounce);
    add(row.portalId(), Dimension.PAGE, row.exitPath(), at, EXITS, sign);
  }

  /** Adds a visit to one bucket; its page views and contacts too unless {@code row} is null (the whole's buckets). */
  private static void sessionInto(Change c, SessionRow row, int sign, long bounce, long duration, boolean isNew,
      long hash) {
    c.counts[SESSIONS] += sign;
    c.counts[BOUNCES] += bounce;
    c.counts[DURATION] += duration;
    if (row != null) {
      c.counts[PAGE_VIEWS] += sign * row.pageViews();
      c.counts[NEW_CONTACTS] += sign * row.newContacts();
    }
    if (isNew) {
      c.visitors = (c.visitors == null ? new Hll() : c.visitors).add(hash);
    }
  }

  boolean isEmpty() {
    return added.isEmpty();
  }

  Iterable<Map.Entry<Key, Change>> entries() {
    return added.entrySet();
  }

  void clear() {
    added.clear();
  }
}
