package io.spoor.report;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * The visits this process saved lately, so that a batch need not read back the visits it is about
 * to change. What it holds is trusted for a portal only while no other process wrote the portal's
 * visits since this one last did: every batch that writes them moves the portal's version in its
 * transaction ({@code report_visit_version}), and finding it one past the version this process's
 * last committed batch left proves that.
 *
 * <p>For a trusted portal it holds every stored visit that started after its floor, so a visit it
 * does not hold that started after the floor is not stored: a new visit is written without a
 * read. At most {@code capacity} visits are held; the earliest started go first, raising their
 * portal's floor, and a later page of such a visit is read from the store as before. It changes
 * only once a batch committed ({@link #committed}), so a batch run again after a conflict finds
 * it as it was.
 */
final class RecentVisits {
  private static final Comparator<SessionRow.Key> BY_START = Comparator.comparingLong(SessionRow.Key::startedAt)
      .thenComparingLong(SessionRow.Key::portalId).thenComparing(SessionRow.Key::utk);

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
  /** Every visit held, of every portal, earliest start first. */
  private final TreeSet<SessionRow.Key> byStart = new TreeSet<>(BY_START);

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
   * {@code saved}. {@code floor}: where the batch found the portal's floor when it did not trust
   * what was held (the latest start stored then), or empty when it did; everything held of the
   * portal before is then dropped. A batch that committed before another one whose news came
   * first changes nothing.
   */
  synchronized void committed(long portalId, long version, OptionalLong floor, Iterable<SessionRow> saved) {
    if (capacity == 0) {
      return;
    }
    Portal p = portals.get(portalId);
    if (p != null && version <= p.version) {
      return;
    }
    if (floor.isPresent() || p == null) {
      if (p != null) {
        byStart.removeAll(p.rows.keySet());
      }
      p = new Portal(version, floor.orElse(Long.MAX_VALUE));
      portals.put(portalId, p);
    }
    p.version = version;
    for (SessionRow row : saved) {
      if (row.portalId() == portalId) {
        SessionRow.Key key = row.key();
        if (p.rows.put(key, row) == null) {
          byStart.add(key);
        }
      }
    }
    while (byStart.size() > capacity) {
      SessionRow.Key first = byStart.pollFirst();
      Portal of = portals.get(first.portalId());
      of.rows.remove(first);
      of.floor = Math.max(of.floor, first.startedAt());
    }
  }

  /** How many visits are held. */
  synchronized int size() {
    return byStart.size();
  }
}
