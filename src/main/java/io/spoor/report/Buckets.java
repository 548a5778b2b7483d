package io.spoor.report;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/** Additions to hourly buckets gathered in a batch, one entry per bucket. */
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

  record Key(long portalId, Dimension dim, String value, long hour) {
  }

  private final Map<Key, long[]> added = new HashMap<>();

  void add(long portalId, Dimension dim, String value, long hour, int count, long by) {
    if (by != 0) {
      added.computeIfAbsent(new Key(portalId, dim, value, hour), k -> new long[COUNTS])[count] += by;
    }
  }

  /** What a visit adds to the buckets of its start hour ({@code sign} -1 takes it back). */
  void session(SessionRow row, int sign) {
    long hour = RollupBatch.hour(row.startedAt());
    long bounce = row.bounced() ? sign : 0;
    for (Dimension d : new Dimension[] {Dimension.ALL, Dimension.SOURCE, Dimension.SOURCE_DATA_1, Dimension.DEVICE,
        Dimension.BROWSER, Dimension.OS}) {
      String value = switch (d) {
        case SOURCE -> row.source();
        case SOURCE_DATA_1 -> row.sourceData1().isEmpty() ? null : Dimension.drillDown(row.source(), row.sourceData1());
        case DEVICE -> row.device();
        case BROWSER -> row.browser();
        case OS -> row.os();
        default -> "";
      };
      if (value != null) {
        add(row.portalId(), d, value, hour, SESSIONS, sign);
        add(row.portalId(), d, value, hour, BOUNCES, bounce);
        add(row.portalId(), d, value, hour, DURATION, sign * row.durationMs());
        if (d != Dimension.ALL) { // the whole's page views and contacts are counted as they happen
          add(row.portalId(), d, value, hour, PAGE_VIEWS, sign * row.pageViews());
          add(row.portalId(), d, value, hour, NEW_CONTACTS, sign * row.newContacts());
        }
      }
    }
    add(row.portalId(), Dimension.PAGE, row.entryPath(), hour, ENTRANCES, sign);
    add(row.portalId(), Dimension.PAGE, row.entryPath(), hour, BOUNCES, bounce);
    add(row.portalId(), Dimension.PAGE, row.exitPath(), hour, EXITS, sign);
  }

  boolean isEmpty() {
    return added.isEmpty();
  }

  void forEach(BiConsumer<Key, long[]> each) {
    added.forEach(each);
  }

  void clear() {
    added.clear();
  }
}
