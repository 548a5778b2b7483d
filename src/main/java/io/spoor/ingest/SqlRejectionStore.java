package io.spoor.ingest;

import io.spoor.store.Database;
import io.spoor.store.JdbcBatch;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;


/** {@link RejectionStore} in portable SQL. */
public final class SqlRejectionStore implements RejectionStore {
  private final Database db;

  public SqlRejectionStore(Database db) {
    this.db = db;
  }

  @Override
  public void add(List<Rejection> rejections) {
    if (rejections.isEmpty()) {
      return;
    }
    JdbcBatch batch = new JdbcBatch(db.handle(), "INSERT INTO rejection (portal_id, hit_id, "
        + "reason, outcome, detail, params, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (Rejection r : rejections) {
      batch.add(r.portalId(), r.hitId(), r.reason().name(), r.outcome().name(), r.detail(), r.params(),
          r.receivedAt());
    }
    batch.execute();
  }

  @Override
  public List<Rejection> list(long portalId, int limit, OptionalLong before) {
    return db.handle().createQuery("SELECT * FROM rejection WHERE portal_id = :portal "
            + "AND id < :before ORDER BY id DESC LIMIT :limit")
        .bind("portal", portalId).bind("before", before.orElse(Long.MAX_VALUE)).bind("limit", limit)
        .map((rs, ctx) -> new Rejection(rs.getLong("id"), rs.getLong("portal_id"),
            rs.getString("hit_id"), RejectReason.valueOf(rs.getString("reason")),
            Outcome.valueOf(rs.getString("outcome")), rs.getString("detail"),
            rs.getString("params"), rs.getLong("received_at")))
        .list();
  }

  @Override
  public void delete(long portalId, Collection<Long> ids) {
    JdbcBatch delete = new JdbcBatch(db.handle(), "DELETE FROM rejection WHERE portal_id = ? AND id = ?");
    ids.forEach(id -> delete.add(portalId, id));
    delete.execute();
  }

  @Override
  public void trim(long portalId, int keep) {
    db.handle().createUpdate("DELETE FROM rejection WHERE portal_id = :portal AND id < "
            + "(SELECT MIN(id) FROM (SELECT id FROM rejection WHERE portal_id = :portal "
            + "ORDER BY id DESC LIMIT :keep) newest)")
        .bind("portal", portalId).bind("keep", keep).execute();
  }
}
