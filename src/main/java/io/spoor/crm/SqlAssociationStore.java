package io.spoor.crm;

import io.spoor.store.Database;
import io.spoor.store.JdbcBatch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@link AssociationStore} over {@code crm_association}: one row per direction of an association. */
public class SqlAssociationStore implements AssociationStore {
  private final Database db;

  public SqlAssociationStore(Database db) {
    this.db = db;
  }

  @Override
  public Set<Long> live(long portalId, ObjectType type, Collection<Long> ids) {
    Set<Long> live = new HashSet<>();
    for (List<Long> chunk : SqlObjectStore.chunks(ids)) {
      live.addAll(db.handle().createQuery("SELECT id FROM crm_object WHERE portal_id = :portal "
              + "AND object_type = :type AND NOT archived AND id IN (<ids>)")
          .bind("portal", portalId).bind("type", type.name()).bindList("ids", chunk).mapTo(Long.class).list());
    }
    return live;
  }

  @Override
  public void associate(long portalId, Association association, long at) {
    JdbcBatch insert = new JdbcBatch(db.handle(), "INSERT INTO crm_association (portal_id, from_id, to_type, "
        + "to_id, type_id, created_at) VALUES (?, ?, ?, ?, ?, ?) "
        + "ON CONFLICT (portal_id, from_id, to_type, to_id, type_id) DO NOTHING");
    AssociationType type = association.type();
    insert.add(portalId, association.fromId(), type.to().name(), association.toId(), type.id(), at);
    insert.add(portalId, association.toId(), type.from().name(), association.fromId(), type.inverse().id(), at);
    insert.execute();
  }

  @Override
  public void dissociate(long portalId, long oneId, long otherId) {
    db.handle().createUpdate("DELETE FROM crm_association WHERE portal_id = :portal AND "
            + "((from_id = :one AND to_id = :other) OR (from_id = :other AND to_id = :one))")
        .bind("portal", portalId).bind("one", oneId).bind("other", otherId).execute();
  }

  @Override
  public List<Long> associated(long portalId, long fromId, ObjectType toType, long afterId, int limit) {
    return db.handle().createQuery("SELECT DISTINCT a.to_id FROM crm_association a "
            + "JOIN crm_object o ON o.id = a.to_id WHERE a.portal_id = :portal AND a.to_type = :type "
            + "AND a.from_id = :from AND a.to_id > :after AND o.portal_id = :portal AND NOT o.archived "
            + "ORDER BY a.to_id LIMIT :limit")
        .bind("portal", portalId).bind("type", toType.name()).bind("from", fromId).bind("after", afterId)
        .bind("limit", limit).mapTo(Long.class).list();
  }

  @Override
  public Map<Long, List<Long>> associated(long portalId, Collection<Long> fromIds, ObjectType toType) {
    Map<Long, List<Long>> found = new LinkedHashMap<>();
    for (List<Long> chunk : SqlObjectStore.chunks(fromIds)) {
      db.handle().createQuery("SELECT DISTINCT a.from_id, a.to_id FROM crm_association a "
              + "JOIN crm_object o ON o.id = a.to_id WHERE a.portal_id = :portal AND a.to_type = :type "
              + "AND a.from_id IN (<ids>) AND o.portal_id = :portal AND NOT o.archived ORDER BY a.from_id, a.to_id")
          .bind("portal", portalId).bind("type", toType.name()).bindList("ids", chunk)
          .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
          .forEach(e -> found.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    }
    return found;
  }
}
