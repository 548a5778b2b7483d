package io.spoor.store;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code change_feed} table: per writer and portal, how many changes the writer made and the
 * wall times its first and latest change began. Writers add in their own transaction, so a
 * reader that sees a count sees what it counts; readers compare counts with their last look
 * ({@link ChangeWatch}). Every method runs inside the caller's transaction.
 */
public final class ChangeFeed {
  /** The source prefix of the appliers' rows: one source per process start. */
  public static final String APPLIER = "applier:";
  private final Database db;

  public ChangeFeed(Database db) {
    this.db = db;
  }

  /** One row: a writer's changes to a portal. */
  public record Row(String source, long portalId, long changes, long firstAt, long lastAt) {
    public Key key() {
      return new Key(source, portalId);
    }
  }

  /** A row's identity. */
  public record Key(String source, long portalId) {
  }

  /** Adds {@code changes} to the writer's count for the portal, begun at {@code at} (wall time, epoch ms). */
  public void add(String source, long portalId, long changes, long at) {
    db.handle().createUpdate("INSERT INTO change_feed (source, portal_id, changes, first_at, last_at) "
            + "VALUES (:source, :portal, :changes, :at, :at) ON CONFLICT (source, portal_id) DO UPDATE "
            + "SET changes = change_feed.changes + excluded.changes, last_at = excluded.last_at")
        .bind("source", source).bind("portal", portalId).bind("changes", changes).bind("at", at).execute();
  }

  /** Every row. */
  public Map<Key, Row> rows() {
    Map<Key, Row> rows = new HashMap<>();
    db.handle().createQuery("SELECT source, portal_id, changes, first_at, last_at FROM change_feed")
        .map((rs, ctx) -> row(rs))
        .forEach(row -> rows.put(row.key(), row));
    return rows;
  }

  /** The appliers' rows of one portal, by source. */
  public Map<String, Row> applied(long portalId) {
    Map<String, Row> rows = new HashMap<>();
    db.handle().createQuery("SELECT source, portal_id, changes, first_at, last_at FROM change_feed "
            + "WHERE portal_id = :portal AND source LIKE '" + APPLIER + "%'").bind("portal", portalId)
        .map((rs, ctx) -> row(rs))
        .forEach(row -> rows.put(row.source(), row));
    return rows;
  }

  private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
  }

  /** Drops the appliers' rows whose latest change is older than {@code before}: their processes are long gone. */
  public void forgetAppliersBefore(long before) {
    db.handle().createUpdate("DELETE FROM change_feed WHERE source LIKE '" + APPLIER + "%' AND last_at < :before")
        .bind("before", before).execute();
  }
}
