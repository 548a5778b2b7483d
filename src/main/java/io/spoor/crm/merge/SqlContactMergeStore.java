package io.spoor.crm.merge;

import io.spoor.crm.ObjectType;
import io.spoor.store.Database;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@link ContactMergeStore} in portable SQL over {@code unique_value}. */
public final class SqlContactMergeStore implements ContactMergeStore {
  private final Database db;

  public SqlContactMergeStore(Database db) {
    this.db = db;
  }

  @Override
  public Set<Long> lockLive(long portalId, Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    // locks every row asked for (live or not), in id order
    Set<Long> live = new HashSet<>();
    db.handle().createQuery("SELECT id, archived FROM crm_object WHERE portal_id = :portal AND object_type = :type "
            + "AND id IN (<ids>) ORDER BY id" + db.rowLock())
        .bind("portal", portalId).bind("type", ObjectType.CONTACT.name()).bindList("ids", List.copyOf(ids))
        .map((rs, ctx) -> rs.getBoolean(2) ? null : rs.getLong(1))
        .forEach(id -> {
          if (id != null) {
            live.add(id);
          }
        });
    return live;
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
