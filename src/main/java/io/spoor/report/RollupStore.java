package io.spoor.report;

import io.spoor.ops.Counter;
import io.spoor.store.Database;
import io.spoor.store.InList;
import io.spoor.store.JdbcBatch;
import io.spoor.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.statement.Query;

/** The rollup tables, written in the ingest batch's transaction. */
final class RollupStore {
  static final String SESSION_COLUMNS = "portal_id, utk, started_at, last_at, entry_path, exit_path, page_views, "
      + "source, source_data_1, source_data_2, device, browser, os, new_contacts";
  static final String SESSION_SAVED = SESSION_COLUMNS + ", changed_at";
  static final int VISITS_PER_READ = 64;
  /** Chunks the keys of a read into groups of {@value #VISITS_PER_READ}, padded with their last key. */
  private static final InList KEYS = new InList("k", VISITS_PER_READ);
  /** A visit found by its key: the keys as a table of their own, each looked up in the visits' key. */
  private static final String READ_SESSIONS = "SELECT " + SESSION_COLUMNS + " FROM (VALUES "
      + String.join(", ", Collections.nCopies(VISITS_PER_READ, "(?, ?)")) + ") AS k CROSS JOIN report_session "
      + "WHERE portal_id = ? AND started_at = k.column1 AND utk = k.column2";
  private final Database db;
  private final SketchCache sketches = new SketchCache();
  private final Counter visitsRead;

  /** {@code visitsRead}: counts the visits {@link #sessions} is asked for. */
  RollupStore(Database db, Counter visitsRead) {
    this.db = db;
    this.visitsRead = visitsRead;
  }

  /**
   * The stored visits among {@code keys}, each found by its key, {@value #VISITS_PER_READ} a query
   * per portal: the statement's text is always the same (a short list repeats its last key), so
   * it is parsed once, not once per batch.
   */
  Map<SessionRow.Key, SessionRow> sessions(Collection<SessionRow.Key> keys) {
    visitsRead.add(keys.size());
    Map<Long, List<SessionRow.Key>> byPortal = new HashMap<>();
    keys.forEach(k -> byPortal.computeIfAbsent(k.portalId(), p -> new ArrayList<>()).add(k));
    Map<SessionRow.Key, SessionRow> found = new HashMap<>();
    byPortal.forEach((portal, wanted) -> {
      for (List<SessionRow.Key> chunk : KEYS.chunks(wanted)) {
        Query query = db.handle().createQuery(READ_SESSIONS);
        for (int i = 0; i < VISITS_PER_READ; i++) {
          query.bind(2 * i, chunk.get(i).startedAt()).bind(2 * i + 1, chunk.get(i).utk());
        }
        query.bind(2 * VISITS_PER_READ, portal).map((rs, ctx) -> new SessionRow(rs.getLong(1), rs.getString(2),
                rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8),
                rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                rs.getLong(14)))
            .forEach(row -> found.put(row.key(), row));
      }
    });
    return found;
  }

  /**
   * Moves the version of the portal's visits (see {@link RecentVisits}) and answers the new one.
   * Called once per portal in a batch that writes visits, in the order of the portals' ids.
   */
  long moveVisits(long portalId) {
    return db.handle().createQuery("INSERT INTO report_visit_version (portal_id, version) VALUES (:portal, 1) "
            + "ON CONFLICT (portal_id) DO UPDATE SET version = report_visit_version.version + 1 RETURNING version")
        .bind("portal", portalId).mapTo(Long.class).one();
  }

  /** The latest start among the portal's stored visits; {@link Long#MIN_VALUE} without any. */
  long latestStart(long portalId) {
    return db.handle().createQuery("SELECT MAX(started_at) FROM report_session WHERE portal_id = :portal")
        .bind("portal", portalId).mapTo(Long.class).findOne().orElse(Long.MIN_VALUE);
  }

  /** Saves the visits, marked as changed at {@code changedAt} (epoch ms) for the in-memory index. */
  void saveSessions(Collection<SessionRow> rows, long changedAt) {
    JdbcBatch batch = new JdbcBatch(db.handle(), "INSERT INTO report_session (" + SESSION_SAVED + ") VALUES "
        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (portal_id, started_at, utk) DO UPDATE SET "
        + "last_at = excluded.last_at, exit_path = excluded.exit_path, page_views = excluded.page_views, "
        + "new_contacts = excluded.new_contacts, changed_at = excluded.changed_at");
    for (SessionRow r : rows) {
      batch.add(r.portalId(), r.utk(), r.startedAt(), r.lastAt(), r.entryPath(), r.exitPath(), r.pageViews(),
          r.source(), r.sourceData1(), r.sourceData2(), r.device(), r.browser(), r.os(), r.newContacts(), changedAt);
    }
    batch.execute();
  }

  /**
   * Adds the batch's bucket changes: each touched day's version moves first (one statement per
   * portal and day), then every bucket is upserted once, in one statement per table for up to
   * 200 buckets. A bucket's new visitors are merged into the sketch this process last wrote when
   * {@link SketchCache} still trusts it, and into the stored one, read, otherwise; the sketch is
   * written only when one of its registers rose, which on a day with many visitors is rare.
   */
  synchronized void addBuckets(Buckets buckets) {
    if (buckets.isEmpty()) {
      return;
    }
    moveDays(buckets);
    JdbcBatch days = new JdbcBatch(db.handle(), upsert("report_day", "day"));
    JdbcBatch hours = new JdbcBatch(db.handle(), upsert("report_bucket", "hour"));
    Map<Boolean, PreparedStatement> reads = new HashMap<>();
    try {
      for (Map.Entry<Buckets.Key, Buckets.Change> e : buckets.entries()) {
        Buckets.Key k = e.getKey();
        Buckets.Change change = e.getValue();
        byte[] visitors = null;
        if (change.visitors != null) { // merged with the stored sketch: the union of the visitors
          Hll sketch = sketches.get(k);
          if (sketch == null) {
            sketch = new Hll().mergeStored(stored(reads, k));
            sketches.put(k, sketch);
          }
          if (sketch.mergeChanged(change.visitors)) { // else no register rose: the stored sketch stays as it is
            visitors = sketch.toBytes();
          }
        }
        long[] c = change.counts;
        (k.hourly() ? hours : days).add(k.portalId(), k.dim().stored(), k.value(), k.period(), c[0], c[1], c[2], c[3],
            c[4], c[5], c[6], c[7], c[8], visitors);
      }
    } catch (SQLException e) {
      throw new StoreException("reading visitor sketches failed", e);
    } finally {
      for (PreparedStatement read : reads.values()) {
        try {
          read.close();
        } catch (SQLException ignored) { // closed with the transaction's connection anyway
        }
      }
    }
    days.execute();
    hours.execute();
  }

  /** Moves the version of every day the batch touches, telling the sketch cache each new version. */
  private void moveDays(Buckets buckets) {
    Set<List<Long>> touched = new TreeSet<>(Comparator.<List<Long>>comparingLong(d -> d.get(0))
        .thenComparingLong(d -> d.get(1))); // in one order, so that two processors' batches never deadlock
    for (Map.Entry<Buckets.Key, Buckets.Change> e : buckets.entries()) {
      touched.add(List.of(e.getKey().portalId(), SketchCache.dayOf(e.getKey())));
    }
    try (PreparedStatement move = db.handle().getConnection().prepareStatement("INSERT INTO report_day_change "
        + "(portal_id, day, version) VALUES (?, ?, 1) ON CONFLICT (portal_id, day) DO UPDATE SET "
        + "version = report_day_change.version + 1 RETURNING version")) {
      for (List<Long> day : touched) {
        move.setLong(1, day.get(0));
        move.setLong(2, day.get(1));
        try (ResultSet rs = move.executeQuery()) {
          rs.next();
          sketches.moved(day.get(0), day.get(1), rs.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("moving the days' versions failed", e);
    }
  }

  private static String upsert(String table, String period) {
    return "INSERT INTO " + table + " (portal_id, dim, value, " + period + ", page_views, sessions, entrances, "
        + "exits, bounces, duration_ms, new_contacts, completions, revenue_micros, visitors) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (portal_id, dim, " + period + ", value) "
        + "DO UPDATE SET page_views = " + table + ".page_views + excluded.page_views, "
        + "sessions = " + table + ".sessions + excluded.sessions, "
        + "entrances = " + table + ".entrances + excluded.entrances, exits = " + table + ".exits + excluded.exits, "
        + "bounces = " + table + ".bounces + excluded.bounces, "
        + "duration_ms = " + table + ".duration_ms + excluded.duration_ms, "
        + "new_contacts = " + table + ".new_contacts + excluded.new_contacts, "
        + "completions = " + table + ".completions + excluded.completions, "
        + "revenue_micros = " + table + ".revenue_micros + excluded.revenue_micros, "
        + "visitors = COALESCE(excluded.visitors, " + table + ".visitors)";
  }

  private byte[] stored(Map<Boolean, PreparedStatement> reads, Buckets.Key k) throws SQLException {
    PreparedStatement query = reads.get(k.hourly());
    if (query == null) {
      query = db.handle().getConnection().prepareStatement(k.hourly()
          ? "SELECT visitors FROM report_bucket WHERE portal_id = ? AND dim = ? AND hour = ? AND value = ?"
          : "SELECT visitors FROM report_day WHERE portal_id = ? AND dim = ? AND day = ? AND value = ?");
      reads.put(k.hourly(), query);
    }
    query.setLong(1, k.portalId());
    query.setString(2, k.dim().stored());
    query.setLong(3, k.period());
    query.setString(4, k.value());
    try (ResultSet rs = query.executeQuery()) {
      return rs.next() ? rs.getBytes(1) : null;
    }
  }

  /** Completions made during visits, per visit, event and hour. */
  void addVisitEvents(Map<VisitEvent, long[]> added, long changedAt) {
    JdbcBatch batch = new JdbcBatch(db.handle(), "INSERT INTO report_visit_event (portal_id, utk, started_at, "
        + "event_id, hour, completions, revenue_micros, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        + "ON CONFLICT (portal_id, utk, started_at, event_id, hour) DO UPDATE SET "
        + "completions = report_visit_event.completions + excluded.completions, "
        + "revenue_micros = report_visit_event.revenue_micros + excluded.revenue_micros, "
        + "changed_at = excluded.changed_at");
    added.forEach((k, c) -> batch.add(k.session().portalId(), k.session().utk(), k.session().startedAt(),
        k.eventId(), k.hour(), c[0], c[1], changedAt));
    batch.execute();
  }

  /** A visit's completions of one event in one hour. */
  record VisitEvent(SessionRow.Key session, long eventId, long hour) {
  }
}
