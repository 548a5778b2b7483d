package io.spoor.crm.merge;

import io.spoor.crm.ObjectType;
import io.spoor.store.Database;

/** {@link ContactMergeStore} in portable SQL over {@code unique_value}. */
public final class SqlContactMergeStore implements ContactMergeStore {
  private final Database db;

  public SqlContactMergeStore(Database db) {
    this.db = db;
  }

  @Override
  public void moveKeys(long portalId, long fromId, long intoId) {
    db.handle().createUpdate("UPDATE unique_value SET object_id = :into WHERE portal_id = :portal "
            + "AND object_type = :type AND object_id = :from")
        .bind("into", intoId).bind("portal", portalId).bind("type", ObjectType.CONTACT.name()).bind("from", fromId)
        .execute();
    db.handle().createUpdate("UPDATE segment_id SET contact_id = :into WHERE portal_id = :portal AND contact_id = :from")
        .bind("into", intoId).bind("portal", portalId).bind("from", fromId).execute();
  }
}
