package io.spoor.report;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The visits this process saved lately, so that a batch need not read back the visits it is about
 * to change. What it holds is trusted for a portal only while no other process wrote the portal's
 * visits since this one last did: every batch that writes them moves the portal's version in its
 * transaction ({@code report_visit_version}), and finding it one past the version this process's
 * last committed batch left proves that.
 *
 * <p>For a trusted portal it holds every stored visit that started after its floor, so a visit it
 * does not hold that started after the floor is not stored: a new visit is written without a
 * read. At most {@code capacity} visits are held; the first saved go first, raising their
 * portal's floor to their start, and a later page of such a visit is read from the store as before. It changes
 * only once a batch committed ({@link #committed}), so a batch run again after a conflict finds
 * it as it was.
 */
final class RecentVisits {
  /** A portal's version as this process's last committed batch left it, its floor and its visits held. */
  private static final class Portal {
    final Map<SessionRow.Key, SessionRow> rows = new HashMap<>();
    long version;
    long floor;

    Portal(long version, long floor) {
      this.version = version;
      this.floor = floor;
    }
  }

  private final int capacity;
  private final Map<Long, Portal> portals = new HashMap<>();
  /** The visits held, in the order they were first saved; a key whose visit was since dropped may linger. */
  private final ArrayDeque<SessionRow.Key> saved = new ArrayDeque<>();
  private int held;

  /** {@code capacity}: how many visits to hold at most; 0 holds none and trusts nothing. */
  RecentVisits(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be at least 0, was " + capacity);
    }
    this.capacity = capacity;
  }

  /**
   * Whether what is held of the portal is still all there is to know, for a batch that moved the
   * portal's version to {@code version}.
   */
  synchronized boolean trusts(long portalId, long version) {
    Portal p = portals.get(portalId);
    return capacity > 0 && p != null && p.version == version - 1;
  }

  /** Visits of a trusted portal that started after this and are not held are not stored. */
  synchronized long floor(long portalId) {
    Portal p = portals.get(portalId);
    return p == null ? Long.MAX_VALUE : p.floor;
  }

  /** The visit as stored, if held. */
  synchronized SessionRow get(SessionRow.Key key) {
    Portal p = portals.get(key.portalId());
    return p == null ? null : p.rows.get(key);
  }

  /**
   * A batch that moved the portal's version to {@code version} committed, having saved
   * {@code rows}. {@code floor}: where the batch found the portal's floor when it did not trust
   * what was held (the latest start stored then), or empty when it did; everything held of the
   * portal before is then dropped. A batch that committed before another one whose news came
   * first changes nothing.
   */
  synchronized void committed(long portalId, long version, OptionalLong floor, Iterable<SessionRow> rows) {
    if (capacity == 0) {
      return;
    }
    Portal p = portals.get(portalId);
    if (p != null && version <= p.version) {
      return;
    }
    if (floor.isPresent() || p == null) {
      if (p != null) {
        held -= p.rows.size();
      }
      p = new Portal(version, floor.orElse(Long.MAX_VALUE));
      portals.put(portalId, p);
    }
    p.version = version;
    for (SessionRow row : rows) {
      if (row.portalId() == portalId) {
        SessionRow.Key key = row.key();
        if (p.rows.put(key, row) == null) {
          saved.add(key);
          held++;
        }
      }
    }
    while (held > capacity) {
      drop(saved.poll());
    }
    if (saved.size() > 2 * capacity) { // keys of visits dropped with their portal's memory
      saved.removeIf(k -> !portals.get(k.portalId()).rows.containsKey(k));
    }
  }

  /**
   * Drops the visit first saved of those held (a lingering key is skipped); its portal's floor
   * rises to its start, which keeps every stored visit that started after the floor held.
   */
  private void drop(SessionRow.Key key) {
    Portal of = portals.get(key.portalId());
    if (of.rows.remove(key) != null) {
      held--;
      of.floor = Math.max(of.floor, key.startedAt());
    }
  }

  /** How many visits are held. */
  synchronized int size() {
    return held;
  }
}
