package io.spoor.identity;

import io.spoor.store.Database;
import java.util.List;
import java.util.Optional;

/**
 * {@link ExternalIdStore} in portable SQL. Links go with their contact: whoever deletes or
 * merges a contact removes or moves its links.
 */
public final class SqlExternalIdStore implements ExternalIdStore {
  private final Database db;

  public SqlExternalIdStore(Database db) {
    this.db = db;
  }

  @Override
  public Optional<Long> contactFor(long portalId, String externalId) {
    return db.handle().createQuery("SELECT contact_id FROM external_id "
            + "WHERE portal_id = :portal AND external_id = :id")
        .bind("portal", portalId).bind("id", externalId).mapTo(Long.class).findOne();
  }

  @Override
  public boolean linkIfAbsent(long portalId, String externalId, long contactId, long at) {
    return db.handle().createUpdate("INSERT INTO external_id (portal_id, external_id, contact_id, "
            + "created_at) VALUES (:portal, :id, :contact, :at) "
            + "ON CONFLICT (portal_id, external_id) DO NOTHING")
        .bind("portal", portalId).bind("id", externalId).bind("contact", contactId).bind("at", at)
        .execute() == 1;
  }

  @Override
  public void relink(long portalId, String externalId, long contactId, long at) {
    db.handle().createUpdate("INSERT INTO external_id (portal_id, external_id, contact_id, created_at) "
            + "VALUES (:portal, :id, :contact, :at) ON CONFLICT (portal_id, external_id) "
            + "DO UPDATE SET contact_id = excluded.contact_id, created_at = excluded.created_at")
        .bind("portal", portalId).bind("id", externalId).bind("contact", contactId).bind("at", at).execute();
  }

  @Override
  public void reassign(long portalId, long fromContactId, long toContactId) {
    db.handle().createUpdate("UPDATE external_id SET contact_id = :to WHERE portal_id = :portal "
            + "AND contact_id = :from")
        .bind("to", toContactId).bind("portal", portalId).bind("from", fromContactId).execute();
  }

  @Override
  public List<String> removeAll(long portalId, long contactId) {
    List<String> ids = db.handle().createQuery("SELECT external_id FROM external_id WHERE portal_id = :portal "
            + "AND contact_id = :contact")
        .bind("portal", portalId).bind("contact", contactId).mapTo(String.class).list();
    db.handle().createUpdate("DELETE FROM external_id WHERE portal_id = :portal AND contact_id = :contact")
        .bind("portal", portalId).bind("contact", contactId).execute();
    return ids;
  }
}
