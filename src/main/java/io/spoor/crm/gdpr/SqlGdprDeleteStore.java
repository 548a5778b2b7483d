package io.spoor.crm.gdpr;

import io.spoor.crm.ObjectType;
import io.spoor.store.Database;
import io.spoor.store.Settling;
import java.util.List;

/** {@link GdprDeleteStore} in portable SQL over the CRM object tables. */
public final class SqlGdprDeleteStore implements GdprDeleteStore {
  private static final String TYPE = ObjectType.CONTACT.name();

  private final Database db;

  public SqlGdprDeleteStore(Database db) {
    this.db = db;
  }

  @Override
  public boolean exists(long portalId, long contactId) {
    return db.handle().createQuery("SELECT COUNT(*) FROM crm_object WHERE id = :id AND portal_id = :portal "
            + "AND object_type = :type")
        .bind("id", contactId).bind("portal", portalId).bind("type", TYPE).mapTo(Integer.class).one() > 0;
  }

  @Override
  public void erase(long portalId, long contactId) {
    int deleted = db.handle().createUpdate("DELETE FROM crm_object WHERE id = :id AND portal_id = :portal "
            + "AND object_type = :type")
        .bind("id", contactId).bind("portal", portalId).bind("type", TYPE).execute();
    if (deleted == 0) {
      return;
    }
    db.handle().createUpdate("DELETE FROM unique_value WHERE portal_id = :portal AND object_type = :type "
            + "AND object_id = :id")
        .bind("portal", portalId).bind("type", TYPE).bind("id", contactId).execute();
    // segment_id: the Segment userIds and anonymousIds remembered with the contact
    for (String sql : List.of("DELETE FROM property_history WHERE " + Settling.either("object_id = :id"),
        "DELETE FROM object_property WHERE object_id = :id", "DELETE FROM segment_id WHERE contact_id = :id")) {
      db.handle().createUpdate(sql).bind("id", contactId).execute();
    }
  }
}
