package io.spoor.report;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The visitor sketches this process last wrote, so a batch merges its visitors into them in
 * memory instead of reading each bucket's stored sketch first. A day's sketches are trusted only
 * while the day's version ({@code report_day_change}, bumped once by every batch that touches
 * the day, in its transaction) is the one this cache last saw plus one: another process's batch,
 * or a batch of this process whose transaction rolled back, breaks the run and the day's
 * sketches are read from the store again. At most {@value #MAX_SKETCHES} sketches (4 KB each)
 * are kept, the least recently used dropped first; a dropped sketch is read from the store.
 */
final class SketchCache {
  static final int MAX_SKETCHES = 4_096;

  private record Day(long portalId, long day) {
  }

  private final Map<Day, Long> versions = new HashMap<>();
  private final LinkedHashMap<Buckets.Key, Hll> sketches = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Buckets.Key, Hll> eldest) {
      return size() > MAX_SKETCHES;
    }
  };

  /**
   * Records that a batch moved the day to {@code version}: when that is not the next of the one
   * last seen, the day's kept sketches are dropped. Called before any of the day's sketches is
   * changed, so a batch that fails after this leaves a gap the next batch sees.
   */
  void moved(long portalId, long day, long version) {
    Long last = versions.put(new Day(portalId, day), version);
    if (last == null || last + 1 != version) {
      sketches.keySet().removeIf(k -> k.portalId() == portalId && dayOf(k) == day);
    }
    if (versions.size() > MAX_SKETCHES) { // days long gone: their sketches have been dropped already
      Set<Day> kept = new HashSet<>();
      sketches.keySet().forEach(k -> kept.add(new Day(k.portalId(), dayOf(k))));
      versions.keySet().removeIf(d -> !kept.contains(d) && !d.equals(new Day(portalId, day)));
    }
  }

  /** The kept sketch of the bucket, null when the store must be read. */
  Hll get(Buckets.Key key) {
    return sketches.get(key);
  }

  void put(Buckets.Key key, Hll sketch) {
    sketches.put(key, sketch);
  }

  static long dayOf(Buckets.Key key) {
    return key.hourly() ? Math.floorDiv(key.period(), 24) : key.period();
  }
}
