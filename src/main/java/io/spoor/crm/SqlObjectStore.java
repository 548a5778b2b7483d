package io.spoor.crm;

import io.spoor.store.Database;
import io.spoor.store.IdSequence;
import io.spoor.store.InList;
import io.spoor.store.JdbcBatch;
import io.spoor.store.Settling;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * {@link ObjectStore} in portable SQL over the generic CRM object tables, for one type. A subclass says how a row of its select
 * becomes an object; values are added after.
 */
abstract class SqlObjectStore<T extends CrmObject> implements ObjectStore<T> {
  static final int CHUNK = 500;
  /** The live objects of {@code :portal} and this store's type, in {@code crm_object o}. */
  private static final String LIVE = "o.portal_id = :portal AND o.object_type = :type AND NOT o.archived ";
  // an ingest batch looks up its objects by key, and reads their values, with one statement text each
  private static final InList KEYS = new InList("k", 64);
  private static final InList IDS = new InList("id", 100);
  private static final InList NAMES = new InList("name", 16);
  private static final String BY_KEY = "SELECT value, object_id FROM unique_value WHERE portal_id = :portal "
      + "AND object_type = :type AND name = :key AND value IN (" + KEYS.sql() + ")";
  private static final String VALUES = "SELECT object_id, name, value FROM object_property "
      + "WHERE object_id IN (" + IDS.sql() + ")";
  private static final String NAMED_VALUES = VALUES + " AND name IN (" + NAMES.sql() + ")";

  private final Database db;
  private final String type;
  private final String key;
  private final String select;
  private final IdSequence ids;
  private final Settling historySettling;
  private final int historyPerProperty;

  /**
   * {@code from} selects {@code o.id, o.created_at, o.updated_at} and more from {@code crm_object o};
   * each property of an object keeps its newest {@code historyPerProperty} history entries.
   */
  SqlObjectStore(Database db, ObjectType type, String from, int historyPerProperty) {
    this.db = db;
    this.type = type.name();
    this.key = type.key().property();
    this.select = from + " WHERE " + LIVE;
    this.ids = new IdSequence(db, "crm_object");
    this.historySettling = db.settling("property_history");
    if (historyPerProperty < 1) {
      throw new IllegalArgumentException("a property keeps at least one history entry");
    }
    this.historyPerProperty = historyPerProperty;
  }

  /** The object of one row of the select, without its values. */
  abstract T row(ResultSet rs, long portalId) throws SQLException;

  abstract T withValues(T object, Map<String, String> values);

  @Override
  public Map<String, Long> idsByKey(long portalId, Collection<String> keys) {
    Map<String, Long> found = new HashMap<>();
    for (List<String> chunk : KEYS.chunks(keys)) {
      KEYS.bind(db.handle().createQuery(BY_KEY), chunk)
          .bind("portal", portalId).bind("type", type).bind("key", key)
          .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
          .forEach(e -> found.put(e.getKey(), e.getValue()));
    }
    return found;
  }

  @Override
  public Optional<Long> idByUniqueValue(long portalId, String name, String value) {
    if (name.equals(key)) {
      return Optional.empty();
    }
    return db.handle().createQuery("SELECT object_id FROM unique_value WHERE portal_id = :portal "
            + "AND object_type = :type AND name = :name AND value = :value")
        .bind("portal", portalId).bind("type", type).bind("name", name).bind("value", value)
        .mapTo(Long.class).findOne();
  }

  @Override
  public void indexUnique(Map<Long, List<PropertyChange>> changes) {
    if (changes.isEmpty()) {
      return;
    }
    Handle h = db.handle();
    JdbcBatch drop = new JdbcBatch(h, "DELETE FROM unique_value WHERE object_id = ? AND object_type = ? AND name = ?");
    JdbcBatch add = new JdbcBatch(h, "INSERT INTO unique_value (portal_id, object_type, name, value, object_id) "
        + "SELECT o.portal_id, o.object_type, d.name, ?, o.id FROM crm_object o JOIN property_definition d "
        + "ON d.portal_id = o.portal_id AND d.object_type = o.object_type WHERE o.id = ? AND d.name = ? "
        + "AND d.has_unique_value AND NOT d.archived");
    changes.forEach((id, list) -> {
      for (PropertyChange c : list) {
        if (!c.name().equals(key)) {
          drop.add(id, type, c.name());
          c.value().ifPresent(v -> add.add(v, id, c.name()));
        }
      }
    });
    drop.execute();
    add.execute();
  }

  @Override
  public long reserveIds(int count) {
    return ids.reserve(count);
  }

  @Override
  public void create(List<NewObject> objects) {
    if (objects.isEmpty()) {
      return;
    }
    Handle h = db.handle();
    JdbcBatch rows = new JdbcBatch(h, "INSERT INTO crm_object (id, portal_id, object_type, "
        + "created_at, updated_at, archived) VALUES (?, ?, ?, ?, ?, FALSE)");
    JdbcBatch keys = new JdbcBatch(h, "INSERT INTO unique_value (portal_id, object_type, name, "
        + "value, object_id) VALUES (?, ?, ?, ?, ?)");
    for (NewObject o : objects) {
      rows.add(o.id(), o.portalId(), type, o.at(), o.at());
      o.key().ifPresent(k -> keys.add(o.portalId(), type, key, k, o.id()));
    }
    rows.execute();
    keys.execute();
  }

  @Override
  public Map<Long, T> findAll(long portalId, Collection<Long> objectIds) {
    Map<Long, T> found = new LinkedHashMap<>();
    for (List<Long> chunk : chunks(objectIds)) {
      db.handle().createQuery(select + "AND o.id IN (<ids>)")
          .bind("portal", portalId).bind("type", type).bindList("ids", chunk)
          .map((rs, ctx) -> row(rs, portalId)).forEach(o -> found.put(o.id(), o));
    }
    return withValues(found);
  }

  @Override
  public Set<Long> liveIds(long portalId, Collection<Long> objectIds) {
    Set<Long> live = new HashSet<>();
    for (List<Long> chunk : chunks(objectIds)) {
      db.handle().createQuery("SELECT o.id FROM crm_object o WHERE " + LIVE + "AND o.id IN (<ids>)")
          .bind("portal", portalId).bind("type", type).bindList("ids", chunk)
          .mapTo(Long.class).forEach(live::add);
    }
    return live;
  }

  @Override
  public long count(long portalId) {
    return db.handle().createQuery("SELECT COUNT(*) FROM crm_object o WHERE " + LIVE)
        .bind("portal", portalId).bind("type", type).mapTo(Long.class).one();
  }

  @Override
  public List<T> page(long portalId, long fromId, int limit) {
    Map<Long, T> found = new LinkedHashMap<>();
    db.handle().createQuery(select + "AND o.id >= :from ORDER BY o.id LIMIT :limit")
        .bind("portal", portalId).bind("type", type).bind("from", fromId).bind("limit", limit)
        .map((rs, ctx) -> row(rs, portalId)).forEach(o -> found.put(o.id(), o));
    return List.copyOf(withValues(found).values());
  }

  private Map<Long, T> withValues(Map<Long, T> objects) {
    Map<Long, Map<String, String>> values = values(objects.keySet(), List.of());
    Map<Long, T> full = new LinkedHashMap<>();
    objects.forEach((id, o) -> full.put(id, withValues(o, values.getOrDefault(id, Map.of()))));
    return full;
  }

  @Override
  public Map<Long, Map<String, String>> values(Collection<Long> objectIds, Collection<String> names) {
    Map<Long, Map<String, String>> values = new HashMap<>();
    // one chunk of no names stands for all of them
    List<List<String>> nameChunks = names.isEmpty() ? List.of(List.of()) : NAMES.chunks(names);
    for (List<Long> chunk : IDS.chunks(objectIds)) {
      for (List<String> nameChunk : nameChunks) {
        var query = IDS.bind(db.handle().createQuery(nameChunk.isEmpty() ? VALUES : NAMED_VALUES), chunk);
        if (!nameChunk.isEmpty()) {
          NAMES.bind(query, nameChunk);
        }
        query.map((rs, ctx) -> List.of(rs.getLong(1), rs.getString(2), rs.getString(3)))
            .forEach(row -> values.computeIfAbsent((Long) row.get(0), k -> new HashMap<>())
                .put((String) row.get(1), (String) row.get(2)));
      }
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
        + "changed_at, source_type, source_id, settled) VALUES (?, ?, ?, ?, ?, ?, ?)");
    changes.forEach((id, list) -> {
      for (PropertyChange c : list) {
        if (c.value().isPresent()) {
          upsert.add(id, c.name(), c.value().get(), c.at());
        } else {
          clear.add(id, c.name());
        }
        history.add(id, c.name(), c.value().orElse(""), c.at(), c.source().sourceType(), c.source().sourceId(),
            false);
      }
    });
    upsert.execute();
    clear.execute();
    history.execute();
    historySettling.added(history.size(), this::trimHistory);
  }

  /**
   * Deletes the history entries beyond the newest {@code historyPerProperty} of every property
   * that has unsettled entries. Runs when they settle, once per many thousand new entries, so
   * a hit pays nothing for it; reads show no more than the newest meanwhile.
   */
  void trimHistory() {
    db.handle().createUpdate("WITH touched AS (SELECT DISTINCT object_id, name FROM property_history "
            + "WHERE NOT settled), "
            + "candidate AS (SELECT h.id, h.object_id, h.name, h.changed_at FROM touched t "
            + "JOIN property_history h ON h.object_id = t.object_id AND h.name = t.name AND h.settled "
            + "UNION ALL SELECT id, object_id, name, changed_at FROM property_history WHERE NOT settled), "
            + "ranked AS (SELECT id, ROW_NUMBER() OVER (PARTITION BY object_id, name "
            + "ORDER BY changed_at DESC, id DESC) AS newer FROM candidate) "
            + "DELETE FROM property_history WHERE id IN (SELECT id FROM ranked WHERE newer > :keep)")
        .bind("keep", historyPerProperty).execute();
  }

  @Override
  public void touch(Map<Long, Long> modifiedAt) {
    JdbcBatch touch = new JdbcBatch(db.handle(),
        "UPDATE crm_object SET updated_at = ? WHERE id = ? AND updated_at < ?");
    modifiedAt.forEach((id, at) -> touch.add(at, id, at));
    touch.execute();
  }

  @Override
  public void rekey(long portalId, Map<Long, Optional<String>> keys) {
    if (keys.isEmpty()) {
      return;
    }
    Handle h = db.handle();
    JdbcBatch drop = new JdbcBatch(h, "DELETE FROM unique_value WHERE portal_id = ? AND object_type = ? "
        + "AND name = ? AND object_id = ?");
    JdbcBatch add = new JdbcBatch(h, "INSERT INTO unique_value (portal_id, object_type, name, value, "
        + "object_id) VALUES (?, ?, ?, ?, ?)");
    keys.forEach((id, value) -> {
      drop.add(portalId, type, key, id);
      value.ifPresent(v -> add.add(portalId, type, key, v, id));
    });
    drop.execute();
    add.execute();
  }

  @Override
  public void archive(long portalId, Collection<Long> objectIds, long at) {
    for (List<Long> chunk : chunks(objectIds)) {
      db.handle().createUpdate("UPDATE crm_object SET archived = TRUE, updated_at = :at WHERE portal_id = :portal "
              + "AND object_type = :type AND NOT archived AND id IN (<ids>)")
          .bind("at", at).bind("portal", portalId).bind("type", type).bindList("ids", chunk).execute();
      db.handle().createUpdate("DELETE FROM unique_value WHERE portal_id = :portal AND object_type = :type "
              + "AND object_id IN (<ids>)")
          .bind("portal", portalId).bind("type", type).bindList("ids", chunk).execute();
    }
  }

  @Override
  public List<HistoryEntry> history(long objectId, Collection<String> names) {
    if (names.isEmpty()) {
      return List.of();
    }
    List<HistoryEntry> entries = db.handle().createQuery("SELECT name, value, changed_at, source_type, source_id FROM property_history "
            + "WHERE " + Settling.either("object_id = :id AND name IN (<names>)") + " ORDER BY changed_at DESC, id DESC")
        .bind("id", objectId).bindList("names", List.copyOf(names))
        .map((rs, ctx) -> new HistoryEntry(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
            Optional.ofNullable(rs.getString(5)))).list();
    // entries beyond the newest are trimmed only when they settle: never show them
    Map<String, Integer> shown = new HashMap<>();
    return entries.stream().filter(e -> shown.merge(e.name(), 1, Integer::sum) <= historyPerProperty).toList();
  }

  static <V> List<List<V>> chunks(Collection<V> all) {
    List<V> list = List.copyOf(all);
    List<List<V>> chunks = new ArrayList<>();
    for (int from = 0; from < list.size(); from += CHUNK) {
      chunks.add(list.subList(from, Math.min(list.size(), from + CHUNK)));
    }
    return chunks;
  }
}
