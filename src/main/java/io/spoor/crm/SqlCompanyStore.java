package io.spoor.crm;

import io.spoor.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/** The companies of every portal in the generic CRM object tables, keyed by domain. */
public final class SqlCompanyStore extends SqlObjectStore<Company> {
  public SqlCompanyStore(Database db) {
    this(db, ObjectStore.HISTORY_PER_PROPERTY);
  }

  /** A store whose objects keep the newest {@code historyPerProperty} history entries of each property. */
  public SqlCompanyStore(Database db, int historyPerProperty) {
    super(db, ObjectType.COMPANY, "SELECT o.id, o.created_at, o.updated_at FROM crm_object o", historyPerProperty);
  }

  @Override
  Company row(ResultSet rs, long portalId) throws SQLException {
    return new Company(rs.getLong("id"), portalId, Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")), false, Map.of());
  }

  @Override
  Company withValues(Company c, Map<String, String> values) {
    return new Company(c.id(), c.portalId(), c.createdAt(), c.updatedAt(), false, values);
  }
}
