package io.spoor.crm;

import io.spoor.store.Database;
import io.spoor.store.IdSequence;
import io.spoor.store.JdbcBatch;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;


/** {@link ContactStore} in portable SQL over the generic CRM object tables. */
public final class SqlContactStore implements ContactStore {
  private static final String TYPE = ObjectType.CONTACT.name();
  private static final int CHUNK = 500;
  private static final String EARLIER_VISIT = "excluded.first_visit_at IS NOT NULL AND "
      + "(a.first_visit_at IS NULL OR excluded.first_visit_at < a.first_visit_at)";
  private static final String ANALYTICS_UPSERT = "INSERT INTO contact_analytics AS a (contact_id, "
      + "num_event_completions, revenue_micros, num_page_views, num_visits, first_timestamp, "
      + "last_timestamp, first_visit_at, first_url, first_referrer, source, source_data_1, "
      + "source_data_2, last_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      + "ON CONFLICT (contact_id) DO UPDATE SET "
      + "num_event_completions = a.num_event_completions + excluded.num_event_completions, "
      + "revenue_micros = a.revenue_micros + excluded.revenue_micros, "
      + "num_page_views = a.num_page_views + excluded.num_page_views, "
      + "num_visits = a.num_visits + excluded.num_visits, "
      + "first_timestamp = CASE WHEN a.first_timestamp IS NULL OR excluded.first_timestamp < a.first_timestamp "
      + "THEN excluded.first_timestamp ELSE a.first_timestamp END, "
      + "last_url = CASE WHEN excluded.last_url IS NOT NULL AND (a.last_timestamp IS NULL "
      + "OR excluded.last_timestamp >= a.last_timestamp) THEN excluded.last_url ELSE a.last_url END, "
      + "last_timestamp = CASE WHEN a.last_timestamp IS NULL OR excluded.last_timestamp > a.last_timestamp "
      + "THEN excluded.last_timestamp ELSE a.last_timestamp END, "
      + "first_url = CASE WHEN " + EARLIER_VISIT + " THEN excluded.first_url ELSE a.first_url END, "
      + "first_referrer = CASE WHEN " + EARLIER_VISIT + " THEN excluded.first_referrer ELSE a.first_referrer END, "
      + "source = CASE WHEN " + EARLIER_VISIT + " THEN excluded.source ELSE a.source END, "
      + "source_data_1 = CASE WHEN " + EARLIER_VISIT + " THEN excluded.source_data_1 ELSE a.source_data_1 END, "
      + "source_data_2 = CASE WHEN " + EARLIER_VISIT + " THEN excluded.source_data_2 ELSE a.source_data_2 END, "
      + "first_visit_at = CASE WHEN " + EARLIER_VISIT + " THEN excluded.first_visit_at ELSE a.first_visit_at END";
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
      keys.add(c.portalId(), TYPE, c.email(), c.id());
    }
    objects.execute();
    keys.execute();
  }

  @Override
  public Optional<Contact> find(long portalId, long id) {
    Handle h = db.handle();
    return h.createQuery("SELECT o.id, o.created_at, o.updated_at, a.* FROM crm_object o "
            + "LEFT JOIN contact_analytics a ON a.contact_id = o.id "
            + "WHERE o.id = :id AND o.portal_id = :portal AND o.object_type = :type AND NOT o.archived")
        .bind("id", id).bind("portal", portalId).bind("type", TYPE)
        .map((rs, ctx) -> contact(rs, portalId)).findOne()
        .map(c -> new Contact(c.id(), portalId, c.createdAt(), c.updatedAt(), false,
            values(List.of(id), List.of()).getOrDefault(id, Map.of()), c.analytics()));
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
    JdbcBatch batch = new JdbcBatch(db.handle(), ANALYTICS_UPSERT);
    deltas.forEach((id, d) -> {
      var first = d.firstVisit();
      batch.add(id, d.eventCompletions(), d.revenueMicros(), d.pageViews(), d.visits(), d.firstAt(),
          d.lastAt(), first.map(f -> f.at()).orElse(null), first.map(f -> f.url()).orElse(null),
          first.map(f -> f.referrer()).orElse(null), first.map(f -> f.source()).orElse(null),
          first.map(f -> f.data1()).orElse(null), first.map(f -> f.data2()).orElse(null),
          d.lastPage().map(p -> p.url()).orElse(null));
    });
    batch.execute();
  }

  private static <T> List<List<T>> chunks(Collection<T> all) {
    List<T> list = List.copyOf(all);
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < list.size(); from += CHUNK) {
      chunks.add(list.subList(from, Math.min(list.size(), from + CHUNK)));
    }
    return chunks;
  }

  private static Contact contact(ResultSet rs, long portalId) throws SQLException {
    Analytics analytics = new Analytics(rs.getLong("num_event_completions"), rs.getLong("revenue_micros"),
        rs.getLong("num_page_views"), rs.getLong("num_visits"), instant(rs, "first_timestamp"),
        instant(rs, "last_timestamp"), text(rs, "first_url"), text(rs, "first_referrer"),
        text(rs, "last_url"), text(rs, "source"), text(rs, "source_data_1"), text(rs, "source_data_2"));
    return new Contact(rs.getLong("id"), portalId, Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")), false, Map.of(), analytics);
  }

  private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
  }

  private static Optional<String> text(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getString(column));
  }
}
