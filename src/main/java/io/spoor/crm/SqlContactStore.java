package io.spoor.crm;

import io.spoor.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/** {@link ContactStore} in portable SQL: the generic CRM object tables and {@code contact_analytics}. */
public final class SqlContactStore extends SqlObjectStore<Contact> implements ContactStore {
  private final Database db;

  public SqlContactStore(Database db) {
    super(db, ObjectType.CONTACT, "SELECT o.id, o.created_at, o.updated_at, a.* FROM crm_object o "
        + "LEFT JOIN contact_analytics a ON a.contact_id = o.id");
    this.db = db;
  }

  @Override
  Contact row(ResultSet rs, long portalId) throws SQLException {
    return SqlContactAnalytics.contact(rs, portalId);
  }

  @Override
  Contact withValues(Contact c, Map<String, String> values) {
    return new Contact(c.id(), c.portalId(), c.createdAt(), c.updatedAt(), false, values, c.analytics());
  }

  @Override
  public void addAnalytics(Map<Long, AnalyticsDelta> deltas) {
    SqlContactAnalytics.add(db.handle(), deltas);
  }
}
