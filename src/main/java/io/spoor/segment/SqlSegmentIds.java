package io.spoor.segment;

import io.spoor.store.Database;
import io.spoor.store.InList;
import io.spoor.store.JdbcBatch;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link SegmentIds} in portable SQL over the {@code segment_id} table. */
public final class SqlSegmentIds implements SegmentIds {
  /** A batch's Segment ids are looked up this many at a time, with one statement text. */
  private static final InList IDS = new InList("id", 100);
  private static final String FIND = "SELECT segment_id, contact_id, utk FROM segment_id WHERE portal_id = :portal "
      + "AND segment_id IN (" + IDS.sql() + ")";
  private static final String TIE = "INSERT INTO segment_id (portal_id, segment_id, contact_id, updated_at) "
      + "VALUES (?, ?, ?, ?) ON CONFLICT (portal_id, segment_id) "
      + "DO UPDATE SET contact_id = excluded.contact_id, updated_at = excluded.updated_at";
  private static final String TIE_VISITOR = "INSERT INTO segment_id (portal_id, segment_id, utk, updated_at) "
      + "VALUES (?, ?, ?, ?) ON CONFLICT (portal_id, segment_id) "
      + "DO UPDATE SET utk = excluded.utk, updated_at = excluded.updated_at";
  private final Database db;

  public SqlSegmentIds(Database db) {
    this.db = db;
  }

  @Override
  public Optional<Long> contactFor(long portalId, String segmentId) {
    return db.handle().createQuery("SELECT contact_id FROM segment_id WHERE portal_id = :portal AND segment_id = :id "
            + "AND contact_id IS NOT NULL")
        .bind("portal", portalId).bind("id", segmentId).mapTo(Long.class).findOne();
  }

  @Override
  public Optional<String> visitorFor(long portalId, String segmentId) {
    return db.handle().createQuery("SELECT utk FROM segment_id WHERE portal_id = :portal AND segment_id = :id "
            + "AND utk IS NOT NULL")
        .bind("portal", portalId).bind("id", segmentId).mapTo(String.class).findOne();
  }

  @Override
  public void tie(long portalId, String segmentId, long contactId, long at) {
    db.handle().createUpdate("INSERT INTO segment_id (portal_id, segment_id, contact_id, updated_at) "
            + "VALUES (:portal, :id, :contact, :at) ON CONFLICT (portal_id, segment_id) "
            + "DO UPDATE SET contact_id = excluded.contact_id, updated_at = excluded.updated_at")
        .bind("portal", portalId).bind("id", segmentId).bind("contact", contactId).bind("at", at).execute();
  }

  @Override
  public void tieVisitor(long portalId, String segmentId, String utk, long at) {
    db.handle().createUpdate("INSERT INTO segment_id (portal_id, segment_id, utk, updated_at) "
            + "VALUES (:portal, :id, :utk, :at) ON CONFLICT (portal_id, segment_id) "
            + "DO UPDATE SET utk = excluded.utk, updated_at = excluded.updated_at")
        .bind("portal", portalId).bind("id", segmentId).bind("utk", utk).bind("at", at).execute();
  }

  @Override
  public Map<String, Kept> find(long portalId, Collection<String> segmentIds) {
    Map<String, Kept> kept = new HashMap<>();
    for (List<String> chunk : IDS.chunks(segmentIds)) {
      IDS.bind(db.handle().createQuery(FIND), chunk).bind("portal", portalId)
          .map((rs, ctx) -> Map.entry(rs.getString(1), new Kept(
              rs.getObject(2) == null ? Optional.empty() : Optional.of(rs.getLong(2)), Optional.ofNullable(rs.getString(3)))))
          .forEach(row -> kept.put(row.getKey(), row.getValue()));
    }
    return kept;
  }

  @Override
  public void tieAll(List<Tie> ties) {
    JdbcBatch insert = new JdbcBatch(db.handle(), TIE);
    ties.forEach(t -> insert.add(t.portalId(), t.segmentId(), t.contactId(), t.at()));
    insert.execute();
  }

  @Override
  public void tieVisitors(List<VisitorTie> ties) {
    JdbcBatch insert = new JdbcBatch(db.handle(), TIE_VISITOR);
    ties.forEach(t -> insert.add(t.portalId(), t.segmentId(), t.utk(), t.at()));
    insert.execute();
  }
}
