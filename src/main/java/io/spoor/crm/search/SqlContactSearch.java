package io.spoor.crm.search;

import io.spoor.crm.ObjectType;
import io.spoor.store.Database;
import java.util.List;

/** {@link ContactSearchStore} in portable SQL: one counting query and one page query. */
public final class SqlContactSearch implements ContactSearchStore {
  private static final String FROM = " FROM crm_object o "
      + "WHERE o.portal_id = :portal AND o.object_type = :type AND NOT o.archived";
  private static final String TYPE = ObjectType.CONTACT.name();

  private final Database db;

  public SqlContactSearch(Database db) {
    this.db = db;
  }

  @Override
  public long count(long portalId, Criteria criteria) {
    SearchSql sql = new SearchSql();
    String where = sql.where(criteria);
    return db.handle().createQuery("SELECT COUNT(*)" + FROM + where)
        .bind("portal", portalId).bind("type", TYPE).bindMap(sql.binds()).mapTo(Long.class).one();
  }

  @Override
  public List<Long> ids(long portalId, Criteria criteria, List<SortKey> sorts, int limit, int offset) {
    SearchSql sql = new SearchSql();
    String where = sql.where(criteria);
    String order = sql.orderBy(sorts);
    return db.handle().createQuery("SELECT o.id" + FROM + where + " ORDER BY " + order
            + " LIMIT :limit OFFSET :offset")
        .bind("portal", portalId).bind("type", TYPE).bindMap(sql.binds()).bind("limit", limit)
        .bind("offset", offset).mapTo(Long.class).list();
  }
}
