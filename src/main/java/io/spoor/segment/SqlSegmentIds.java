package io.spoor.segment;

import io.spoor.store.Database;
import java.util.Optional;

/** {@link SegmentIds} in portable SQL over the {@code segment_id} table. */
public final class SqlSegmentIds implements SegmentIds {
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
}
