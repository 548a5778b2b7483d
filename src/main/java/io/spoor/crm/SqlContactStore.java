package io.spoor.crm;

import io.spoor.store.Database;
import io.spoor.store.IdSequence;
import io.spoor.store.JdbcBatch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** {@link ContactStore} in portable SQL over the generic CRM object tables. */
public final class SqlContactStore implements ContactStore {
  private static final String TYPE = ObjectType.CONTACT.name();
  private static final int CHUNK = 500;
  private static final String SELECT = "SELECT o.id, o.created_at, o.updated_at, a.* FROM crm_object o "
      + "LEFT JOIN contact_analytics a ON a.contact_id = o.id "
      + "WHERE o.portal_id = :portal AND o.object_type = :type AND NOT o.archived ";
  private final Database db;
  private final IdSequence ids;

  public SqlContactStore(Database db) {
    this.db = db;
    this.ids = new IdSequence(db, "crm_object");
  }

  @Override
  public Map<String, Long> idsByEmail(long portalId, Collection<String> emails) {
    Map<String, Long> found = new HashMap<>();
    for (List<String> chunk : chunks(emails)) {
      db.handle().createQuery("SELECT value, object_id FROM unique_value WHERE portal_id = :portal "
              + "AND object_type = :type AND name = 'email' AND value IN (<emails>)")
          .bind("portal", portalId).bind("type", TYPE).bindList("emails", chunk)
          .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
          .forEach(e -> found.put(e.getKey(), e.getValue()));
    }
    return found;
  }

  @Override
  public long reserveIds(int count) {
    return ids.reserve(count);
  }

  @Override
  public void create(List<NewContact> contacts) {
    if (contacts.isEmpty()) {
      return;
    }
    Handle h = db.handle();
    JdbcBatch objects = new JdbcBatch(h, "INSERT INTO crm_object (id, portal_id, object_type, "
        + "created_at, updated_at, archived) VALUES (?, ?, ?, ?, ?, FALSE)");
    JdbcBatch keys = new JdbcBatch(h, "INSERT INTO unique_value (portal_id, object_type, name, "
        + "value, object_id) VALUES (?, ?, 'email', ?, ?)");
    for (NewContact c : contacts) {
      objects.add(c.id(), c.portalId(), TYPE, c.at(), c.at());
      c.email().ifPresent(email -> keys.add(c.portalId(), TYPE, email, c.id()));
    }
    objects.execute();
    keys.execute();
  }

  @Override
  public Map<Long, Contact> findAll(long portalId, Collection<Long> ids) {
    Map<Long, Contact> found = new LinkedHashMap<>();
    for (List<Long> chunk : chunks(ids)) {
      db.handle().createQuery(SELECT + "AND o.id IN (<ids>)")
          .bind("portal", portalId).bind("type", TYPE).bindList("ids", chunk)
          .map((rs, ctx) -> SqlContactAnalytics.contact(rs, portalId)).forEach(c -> found.put(c.id(), c));
    }
    return withValues(found);
  }

  @Override
  public List<Contact> page(long portalId, long fromId, int limit) {
    Map<Long, Contact> found = new LinkedHashMap<>();
    db.handle().createQuery(SELECT + "AND o.id >= :from ORDER BY o.id LIMIT :limit")
        .bind("portal", portalId).bind("type", TYPE).bind("from", fromId).bind("limit", limit)
        .map((rs, ctx) -> SqlContactAnalytics.contact(rs, portalId)).forEach(c -> found.put(c.id(), c));
    return List.copyOf(withValues(found).values());
  }

  private Map<Long, Contact> withValues(Map<Long, Contact> contacts) {
    Map<Long, Map<String, String>> values = values(contacts.keySet(), List.of());
    Map<Long, Contact> full = new LinkedHashMap<>();
    contacts.forEach((id, c) -> full.put(id, new Contact(id, c.portalId(), c.createdAt(), c.updatedAt(),
        false, values.getOrDefault(id, Map.of()), c.analytics())));
    return full;
  }

  /** Values of the named properties, or of all when {@code names} is empty. */
  @Override
  public Map<Long, Map<String, String>> values(Collection<Long> contactIds, Collection<String> names) {
    Map<Long, Map<String, String>> values = new HashMap<>();
    for (List<Long> chunk : chunks(contactIds)) {
      var query = db.handle().createQuery("SELECT object_id, name, value FROM object_property "
              + "WHERE object_id IN (<ids>)" + (names.isEmpty() ? "" : " AND name IN (<names>)"))
          .bindList("ids", chunk);
      if (!names.isEmpty()) {
        query.bindList("names", List.copyOf(names));
      }
      query.map((rs, ctx) -> List.of(rs.getLong(1), rs.getString(2), rs.getString(3)))
          .forEach(row -> values.computeIfAbsent((Long) row.get(0), k -> new HashMap<>())
              .put((String) row.get(1), (String) row.get(2)));
    }
    return values;
  }

  @Override
  public void apply(Map<Long, List<PropertyChange>> changes) {
    if (changes.isEmpty()) {
      return;
    }
    Handle h = db.handle();
    JdbcBatch upsert = new JdbcBatch(h, "INSERT INTO object_property (object_id, name, value, "
        + "updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (object_id, name) "
        + "DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at");
    JdbcBatch clear = new JdbcBatch(h, "DELETE FROM object_property WHERE object_id = ? AND name = ?");
    JdbcBatch history = new JdbcBatch(h, "INSERT INTO property_history (object_id, name, value, "
        + "changed_at, source_type, source_id) VALUES (?, ?, ?, ?, ?, ?)");
    changes.forEach((id, list) -> {
      for (PropertyChange c : list) {
        if (c.value().isPresent()) {
          upsert.add(id, c.name(), c.value().get(), c.at());
        } else {
          clear.add(id, c.name());
        }
        history.add(id, c.name(), c.value().orElse(""), c.at(), c.source().sourceType(), c.source().sourceId());
      }
    });
    upsert.execute();
    clear.execute();
    history.execute();
  }

  @Override
  public void touch(Map<Long, Long> modifiedAt) {
    JdbcBatch touch = new JdbcBatch(db.handle(),
        "UPDATE crm_object SET updated_at = ? WHERE id = ? AND updated_at < ?");
    modifiedAt.forEach((id, at) -> touch.add(at, id, at));
    touch.execute();
  }

  @Override
  public void addAnalytics(Map<Long, AnalyticsDelta> deltas) {
    SqlContactAnalytics.add(db.handle(), deltas);
  }

  @Override
  public void rekey(long portalId, Map<Long, Optional<String>> emails) {
    if (emails.isEmpty()) {
      return;
    }
    Handle h = db.handle();
    JdbcBatch drop = new JdbcBatch(h, "DELETE FROM unique_value WHERE portal_id = ? AND object_type = ? "
        + "AND name = 'email' AND object_id = ?");
    JdbcBatch add = new JdbcBatch(h, "INSERT INTO unique_value (portal_id, object_type, name, value, "
        + "object_id) VALUES (?, ?, 'email', ?, ?)");
    emails.forEach((id, email) -> {
      drop.add(portalId, TYPE, id);
      email.ifPresent(e -> add.add(portalId, TYPE, e, id));
    });
    drop.execute();
    add.execute();
  }

  @Override
  public void archive(long portalId, Collection<Long> ids, long at) {
    for (List<Long> chunk : chunks(ids)) {
      db.handle().createUpdate("UPDATE crm_object SET archived = TRUE, updated_at = :at WHERE portal_id = :portal "
              + "AND object_type = :type AND NOT archived AND id IN (<ids>)")
          .bind("at", at).bind("portal", portalId).bind("type", TYPE).bindList("ids", chunk).execute();
      db.handle().createUpdate("DELETE FROM unique_value WHERE portal_id = :portal AND object_type = :type "
              + "AND object_id IN (<ids>)")
          .bind("portal", portalId).bind("type", TYPE).bindList("ids", chunk).execute();
    }
  }

  @Override
  public List<HistoryEntry> history(long contactId, Collection<String> names) {
    if (names.isEmpty()) {
      return List.of();
    }
    return db.handle().createQuery("SELECT name, value, changed_at, source_type, source_id FROM property_history "
            + "WHERE object_id = :id AND name IN (<names>) ORDER BY changed_at DESC, id DESC")
        .bind("id", contactId).bindList("names", List.copyOf(names))
        .map((rs, ctx) -> new HistoryEntry(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
            Optional.ofNullable(rs.getString(5)))).list();
  }

  private static <T> List<List<T>> chunks(Collection<T> all) {
    List<T> list = List.copyOf(all);
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < list.size(); from += CHUNK) {
      chunks.add(list.subList(from, Math.min(list.size(), from + CHUNK)));
    }
    return chunks;
  }
}
