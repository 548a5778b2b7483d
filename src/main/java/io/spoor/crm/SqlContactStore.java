package io.spoor.crm;

import io.spoor.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * {@link ContactStore} in portable SQL: the generic CRM object tables, whose {@code crm_object}
 * rows also hold a contact's analytics.
 */
public final class SqlContactStore extends SqlObjectStore<Contact> implements ContactStore {
  private final Database db;

  public SqlContactStore(Database db) {
    this(db, ObjectStore.HISTORY_PER_PROPERTY);
  }

  /** A store whose objects keep the newest {@code historyPerProperty} history entries of each property. */
  public SqlContactStore(Database db, int historyPerProperty) {
    super(db, ObjectType.CONTACT, "SELECT o.* FROM crm_object o", historyPerProperty);
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
  public void addAnalytics(Map<Long, Analytics> added) {
    SqlContactAnalytics.add(db.handle(), added);
  }
}
