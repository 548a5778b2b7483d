package io.spoor.crm;

import io.spoor.store.Database;
import io.spoor.store.IdSequence;
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
import org.jdbi.v3.core.statement.PreparedBatch;

/** {@link ContactStore} in portable SQL over the generic CRM object tables. */
public final class SqlContactStore implements ContactStore {
  private static final String TYPE = ObjectType.CONTACT.name();
  private static final int CHUNK = 500;
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
    PreparedBatch objects = h.prepareBatch("INSERT INTO crm_object (id, portal_id, object_type, "
        + "created_at, updated_at, archived) VALUES (:id, :portal, :type, :at, :at, FALSE)");
    PreparedBatch keys = h.prepareBatch("INSERT INTO unique_value (portal_id, object_type, name, "
        + "value, object_id) VALUES (:portal, :type, 'email', :email, :id)");
    for (NewContact c : contacts) {
      objects.bind("id", c.id()).bind("portal", c.portalId()).bind("type", TYPE).bind("at", c.at()).add();
      keys.bind("portal", c.portalId()).bind("type", TYPE).bind("email", c.email()).bind("id", c.id()).add();
    }
    objects.execute();
    keys.execute();
  }

  @Override
  public Optional<Contact> find(long portalId, long id) {
    Handle h = db.handle();
    return h.createQuery("SELECT o.id, o.created_at, o.updated_at, a.num_event_completions, "
            + "a.revenue_micros, a.first_timestamp, a.last_timestamp FROM crm_object o "
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
    PreparedBatch upsert = h.prepareBatch("INSERT INTO object_property (object_id, name, value, "
        + "updated_at) VALUES (:id, :name, :value, :at) ON CONFLICT (object_id, name) "
        + "DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at");
    PreparedBatch history = h.prepareBatch("INSERT INTO property_history (object_id, name, value, "
        + "changed_at, source_type, source_id) VALUES (:id, :name, :value, :at, :type, :source)");
    PreparedBatch touch = h.prepareBatch(
        "UPDATE crm_object SET updated_at = :at WHERE id = :id AND updated_at < :at");
    changes.forEach((id, list) -> {
      for (PropertyChange c : list) {
        if (c.value().isPresent()) {
          upsert.bind("id", id).bind("name", c.name()).bind("value", c.value().get()).bind("at", c.at()).add();
        } else {
          h.createUpdate("DELETE FROM object_property WHERE object_id = :id AND name = :name")
              .bind("id", id).bind("name", c.name()).execute();
        }
        history.bind("id", id).bind("name", c.name()).bind("value", c.value().orElse(""))
            .bind("at", c.at()).bind("type", c.source().sourceType())
            .bind("source", c.source().sourceId()).add();
      }
      list.stream().mapToLong(PropertyChange::at).max()
          .ifPresent(at -> touch.bind("at", at).bind("id", id).add());
    });
    for (PreparedBatch batch : List.of(upsert, history, touch)) {
      if (batch.size() > 0) {
        batch.execute();
      }
    }
  }

  @Override
  public void addAnalytics(Map<Long, AnalyticsDelta> deltas) {
    if (deltas.isEmpty()) {
      return;
    }
    PreparedBatch batch = db.handle().prepareBatch("INSERT INTO contact_analytics (contact_id, "
        + "num_event_completions, revenue_micros, first_timestamp, last_timestamp) "
        + "VALUES (:id, :n, :revenue, :first, :last) ON CONFLICT (contact_id) DO UPDATE SET "
        + "num_event_completions = contact_analytics.num_event_completions + excluded.num_event_completions, "
        + "revenue_micros = contact_analytics.revenue_micros + excluded.revenue_micros, "
        + "first_timestamp = CASE WHEN contact_analytics.first_timestamp IS NULL "
        + "OR excluded.first_timestamp < contact_analytics.first_timestamp "
        + "THEN excluded.first_timestamp ELSE contact_analytics.first_timestamp END, "
        + "last_timestamp = CASE WHEN contact_analytics.last_timestamp IS NULL "
        + "OR excluded.last_timestamp > contact_analytics.last_timestamp "
        + "THEN excluded.last_timestamp ELSE contact_analytics.last_timestamp END");
    deltas.forEach((id, d) -> batch.bind("id", id).bind("n", d.eventCompletions())
        .bind("revenue", d.revenueMicros()).bind("first", d.firstAt()).bind("last", d.lastAt()).add());
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
    long first = rs.getLong("first_timestamp");
    Optional<Instant> firstAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(first));
    long last = rs.getLong("last_timestamp");
    Optional<Instant> lastAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(last));
    Analytics analytics = new Analytics(rs.getLong("num_event_completions"),
        rs.getLong("revenue_micros"), firstAt, lastAt);
    return new Contact(rs.getLong("id"), portalId, Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")), false, Map.of(), analytics);
  }
}
