package io.spoor.crm;

import io.spoor.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
  private final Database db;

  public SqlContactStore(Database db) {
    this.db = db;
  }

  @Override
  public Map<String, Long> idsByEmail(long portalId, Collection<String> emails) {
    Map<String, Long> ids = new HashMap<>();
    if (emails.isEmpty()) {
      return ids;
    }
    db.handle().createQuery("SELECT value, object_id FROM unique_value WHERE portal_id = :portal "
            + "AND object_type = :type AND name = 'email' AND value IN (<emails>)")
        .bind("portal", portalId).bind("type", TYPE).bindList("emails", List.copyOf(emails))
        .map((rs, ctx) -> ids.put(rs.getString(1), rs.getLong(2))).list();
    return ids;
  }

  @Override
  public long create(long portalId, String email, long at, ChangeSource source) {
    Handle h = db.handle();
    long id = h.createQuery("INSERT INTO crm_object (portal_id, object_type, created_at, updated_at, "
            + "archived) VALUES (:portal, :type, :at, :at, FALSE) RETURNING id")
        .bind("portal", portalId).bind("type", TYPE).bind("at", at).mapTo(Long.class).one();
    h.createUpdate("INSERT INTO unique_value (portal_id, object_type, name, value, object_id) "
            + "VALUES (:portal, :type, 'email', :email, :id)")
        .bind("portal", portalId).bind("type", TYPE).bind("email", email).bind("id", id).execute();
    h.createUpdate("INSERT INTO contact_analytics (contact_id, num_event_completions, revenue_micros) "
        + "VALUES (:id, 0, 0)").bind("id", id).execute();
    write(h, id, List.of(new PropertyChange(ContactProperties.EMAIL, Optional.of(email), at, source)));
    return id;
  }

  @Override
  public Optional<Contact> find(long portalId, long id) {
    Handle h = db.handle();
    return h.createQuery("SELECT o.id, o.created_at, o.updated_at, a.num_event_completions, "
            + "a.revenue_micros, a.first_timestamp, a.last_timestamp FROM crm_object o "
            + "LEFT JOIN contact_analytics a ON a.contact_id = o.id "
            + "WHERE o.id = :id AND o.portal_id = :portal AND o.object_type = :type AND NOT o.archived")
        .bind("id", id).bind("portal", portalId).bind("type", TYPE)
        .map((rs, ctx) -> contact(rs, portalId, allValues(h, id))).findOne();
  }

  @Override
  public Map<String, String> values(long contactId, Collection<String> names) {
    Map<String, String> values = new HashMap<>();
    if (!names.isEmpty()) {
      db.handle().createQuery("SELECT name, value FROM object_property "
              + "WHERE object_id = :id AND name IN (<names>)")
          .bind("id", contactId).bindList("names", List.copyOf(names))
          .map((rs, ctx) -> values.put(rs.getString(1), rs.getString(2))).list();
    }
    return values;
  }

  @Override
  public void apply(long contactId, List<PropertyChange> changes) {
    if (changes.isEmpty()) {
      return;
    }
    Handle h = db.handle();
    write(h, contactId, changes);
    long latest = changes.stream().mapToLong(PropertyChange::at).max().orElseThrow();
    h.createUpdate("UPDATE crm_object SET updated_at = :at WHERE id = :id AND updated_at < :at")
        .bind("at", latest).bind("id", contactId).execute();
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

  private static void write(Handle h, long id, List<PropertyChange> changes) {
    PreparedBatch upsert = h.prepareBatch("INSERT INTO object_property (object_id, name, value, "
        + "updated_at) VALUES (:id, :name, :value, :at) ON CONFLICT (object_id, name) "
        + "DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at");
    PreparedBatch history = h.prepareBatch("INSERT INTO property_history (object_id, name, value, "
        + "changed_at, source_type, source_id) VALUES (:id, :name, :value, :at, :type, :source)");
    for (PropertyChange c : changes) {
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
    if (upsert.size() > 0) {
      upsert.execute();
    }
    history.execute();
  }

  private static Map<String, String> allValues(Handle h, long id) {
    Map<String, String> values = new HashMap<>();
    h.createQuery("SELECT name, value FROM object_property WHERE object_id = :id").bind("id", id)
        .map((rs, ctx) -> values.put(rs.getString(1), rs.getString(2))).list();
    return values;
  }

  private static Contact contact(ResultSet rs, long portalId, Map<String, String> values)
      throws SQLException {
    long first = rs.getLong("first_timestamp");
    Optional<Instant> firstAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(first));
    long last = rs.getLong("last_timestamp");
    Optional<Instant> lastAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(last));
    Analytics analytics = new Analytics(rs.getLong("num_event_completions"),
        rs.getLong("revenue_micros"), firstAt, lastAt);
    return new Contact(rs.getLong("id"), portalId, Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")), false, values, analytics);
  }
}
