package io.spoor.report;

import io.spoor.store.Database;
import io.spoor.store.JdbcBatch;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rollup tables, written in the ingest batch's transaction. */
final class RollupStore {
  static final String SESSION_COLUMNS = "portal_id, utk, started_at, last_at, entry_path, exit_path, page_views, "
      + "source, source_data_1, source_data_2, device, browser, os, new_contacts";
  private final Database db;

  RollupStore(Database db) {
    this.db = db;
  }

  /** The stored visits among {@code keys}, read with one query per portal. */
  Map<SessionRow.Key, SessionRow> sessions(Collection<SessionRow.Key> keys) {
    Map<Long, Set<String>> utks = new HashMap<>();
    keys.forEach(k -> utks.computeIfAbsent(k.portalId(), p -> new HashSet<>()).add(k.utk()));
    Set<SessionRow.Key> wanted = new HashSet<>(keys);
    Map<SessionRow.Key, SessionRow> found = new HashMap<>();
    utks.forEach((portal, tokens) -> db.handle().createQuery("SELECT " + SESSION_COLUMNS
            + " FROM report_session WHERE portal_id = :portal AND utk IN (<utks>)")
        .bind("portal", portal).bindList("utks", List.copyOf(tokens))
        .map((rs, ctx) -> new SessionRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
            rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9), rs.getString(10),
            rs.getString(11), rs.getString(12), rs.getString(13), rs.getLong(14)))
        .forEach(row -> {
          if (wanted.contains(row.key())) {
            found.put(row.key(), row);
          }
        }));
    return found;
  }

  void saveSessions(Collection<SessionRow> rows) {
    JdbcBatch batch = new JdbcBatch(db.handle(), "INSERT INTO report_session (" + SESSION_COLUMNS + ") VALUES "
        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (portal_id, utk, started_at) DO UPDATE SET "
        + "last_at = excluded.last_at, exit_path = excluded.exit_path, page_views = excluded.page_views, "
        + "new_contacts = excluded.new_contacts");
    for (SessionRow r : rows) {
      batch.add(r.portalId(), r.utk(), r.startedAt(), r.lastAt(), r.entryPath(), r.exitPath(), r.pageViews(),
          r.source(), r.sourceData1(), r.sourceData2(), r.device(), r.browser(), r.os(), r.newContacts());
    }
    batch.execute();
  }

  void addBuckets(Buckets buckets) {
    if (buckets.isEmpty()) {
      return;
    }
    JdbcBatch batch = new JdbcBatch(db.handle(), "INSERT INTO report_bucket (portal_id, dim, value, hour, "
        + "page_views, sessions, entrances, exits, bounces, duration_ms, new_contacts, completions, revenue_micros) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (portal_id, dim, hour, value) DO UPDATE SET "
        + "page_views = report_bucket.page_views + excluded.page_views, "
        + "sessions = report_bucket.sessions + excluded.sessions, "
        + "entrances = report_bucket.entrances + excluded.entrances, exits = report_bucket.exits + excluded.exits, "
        + "bounces = report_bucket.bounces + excluded.bounces, "
        + "duration_ms = report_bucket.duration_ms + excluded.duration_ms, "
        + "new_contacts = report_bucket.new_contacts + excluded.new_contacts, "
        + "completions = report_bucket.completions + excluded.completions, "
        + "revenue_micros = report_bucket.revenue_micros + excluded.revenue_micros");
    buckets.forEach((k, c) -> batch.add(k.portalId(), k.dim().stored(), k.value(), k.hour(), c[0], c[1], c[2], c[3],
        c[4], c[5], c[6], c[7], c[8]));
    batch.execute();
  }
}
