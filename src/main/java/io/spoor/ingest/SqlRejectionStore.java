package io.spoor.ingest;

import io.spoor.store.Database;
import io.spoor.store.JdbcBatch;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;


/** {@link RejectionStore} in portable SQL; a rejection's parts are kept as a JSON array. */
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
    JdbcBatch batch = new JdbcBatch(db.handle(), "INSERT INTO rejection (portal_id, hit_id, reason, outcome, "
        + "detail, parts, more_parts, params, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (Rejection r : rejections) {
      batch.add(r.portalId(), r.hitId(), r.reason().name(), r.outcome().name(), r.detail(), encode(r.parts()),
          r.moreParts(), r.params(), r.receivedAt());
    }
    batch.execute();
  }

  @Override
  public List<Rejection> list(long portalId, int limit, OptionalLong before, Optional<RejectReason> reason) {
    var query = db.handle().createQuery("SELECT * FROM rejection WHERE portal_id = :portal AND id < :before"
            + (reason.isPresent() ? " AND reason = :reason" : "") + " ORDER BY id DESC LIMIT :limit")
        .bind("portal", portalId).bind("before", before.orElse(Long.MAX_VALUE)).bind("limit", limit);
    reason.ifPresent(r -> query.bind("reason", r.name()));
    return query.map((rs, ctx) -> read(rs))
        .list();
  }

  @Override
  public int count(long portalId) {
    return db.handle().createQuery("SELECT COUNT(*) FROM rejection WHERE portal_id = :portal")
        .bind("portal", portalId).mapTo(Integer.class).one();
  }

  @Override
  public void delete(long portalId, Collection<Long> ids) {
    JdbcBatch delete = new JdbcBatch(db.handle(), "DELETE FROM rejection WHERE portal_id = ? AND id = ?");
    ids.forEach(id -> delete.add(portalId, id));
    delete.execute();
  }

  @Override
  public int trim(long portalId, int keep) {
    if (keep == 0) {
      return db.handle().createUpdate("DELETE FROM rejection WHERE portal_id = :portal")
          .bind("portal", portalId).execute();
    }
    return db.handle().createUpdate("DELETE FROM rejection WHERE portal_id = :portal AND id < "
            + "(SELECT MIN(id) FROM (SELECT id FROM rejection WHERE portal_id = :portal "
            + "ORDER BY id DESC LIMIT :keep) newest)")
        .bind("portal", portalId).bind("keep", keep).execute();
  }

  private static Rejection read(ResultSet rs) throws SQLException {
    RejectReason reason = RejectReason.valueOf(rs.getString("reason"));
    String detail = rs.getString("detail");
    List<RejectedPart> parts = decode(rs.getString("parts"));
    // rows from before parts were kept name their one part in reason and detail
    return new Rejection(rs.getLong("id"), rs.getLong("portal_id"), rs.getString("hit_id"), reason,
        Outcome.valueOf(rs.getString("outcome")), detail,
        parts.isEmpty() ? List.of(new RejectedPart(reason, detail)) : parts, rs.getInt("more_parts"),
        rs.getString("params"), rs.getLong("received_at"));
  }

  private static String encode(List<RejectedPart> parts) {
    JsonArray out = new JsonArray();
    parts.forEach(p -> out.add(new JsonObject().put("reason", p.reason().name()).put("detail", p.detail())));
    return out.encode();
  }

  private static List<RejectedPart> decode(String json) {
    List<RejectedPart> parts = new ArrayList<>();
    for (Object o : new JsonArray(json)) {
      JsonObject part = (JsonObject) o;
      parts.add(new RejectedPart(RejectReason.valueOf(part.getString("reason")), part.getString("detail")));
    }
    return parts;
  }
}
