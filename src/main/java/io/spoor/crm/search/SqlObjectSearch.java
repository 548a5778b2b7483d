package io.spoor.crm.search;

import io.spoor.store.Database;
import java.util.List;

/** {@link ObjectSearchStore} in portable SQL: one counting query and one page query. */
public final class SqlObjectSearch implements ObjectSearchStore {
  private static final String FROM = " FROM crm_object o "
      + "WHERE o.portal_id = :portal AND o.object_type = :type AND NOT o.archived";

  private final Database db;

  public SqlObjectSearch(Database db) {
    this.db = db;
  }

  @Override
  public long count(long portalId, Criteria criteria) {
    SearchSql sql = new SearchSql(criteria.type());
    String where = sql.where(criteria);
    return db.handle().createQuery("SELECT COUNT(*)" + FROM + where)
        .bind("portal", portalId).bind("type", criteria.type().name()).bindMap(sql.binds()).mapTo(Long.class).one();
  }

  @Override
  public List<Long> ids(long portalId, Criteria criteria, List<SortKey> sorts, int limit, int offset) {
    SearchSql sql = new SearchSql(criteria.type());
    String where = sql.where(criteria);
    String order = sql.orderBy(sorts);
    return db.handle().createQuery("SELECT o.id" + FROM + where + " ORDER BY " + order
            + " LIMIT :limit OFFSET :offset")
        .bind("portal", portalId).bind("type", criteria.type().name()).bindMap(sql.binds()).bind("limit", limit)
        .bind("offset", offset).mapTo(Long.class).list();
  }
}
