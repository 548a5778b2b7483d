package io.spoor.events;

import io.spoor.store.Database;
import io.spoor.store.JdbcBatch;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;


/** {@link CompletionStore} in portable SQL. */
public final class SqlCompletionStore implements CompletionStore {
  private final Database db;

  public SqlCompletionStore(Database db) {
    this.db = db;
  }

  @Override
  public void insert(List<Completion> completions) {
    if (completions.isEmpty()) {
      return;
    }
    JdbcBatch batch = new JdbcBatch(db.handle(), "INSERT INTO event_completion (portal_id, "
        + "definition_id, contact_id, hit_id, occurred_at, value_micros, source, properties) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    for (Completion c : completions) {
      batch.add(c.portalId(), c.definitionId(), c.contactId().orElse(null), c.hitId(), c.occurredAt(),
          c.valueMicros().isPresent() ? c.valueMicros().getAsLong() : null, c.source(),
          new JsonObject(Map.copyOf(c.properties())).encode());
    }
    batch.execute();
  }

  @Override
  public void reassign(long portalId, long fromContactId, long toContactId) {
    db.handle().createUpdate("UPDATE event_completion SET contact_id = :to WHERE portal_id = :portal "
            + "AND contact_id = :from")
        .bind("to", toContactId).bind("portal", portalId).bind("from", fromContactId).execute();
  }

  @Override
  public Map<Long, Long> deleteForContact(long portalId, long contactId) {
    Map<Long, Long> counts = new java.util.HashMap<>();
    db.handle().createQuery("SELECT definition_id, COUNT(*) FROM event_completion WHERE portal_id = :portal "
            + "AND contact_id = :contact GROUP BY definition_id")
        .bind("portal", portalId).bind("contact", contactId)
        .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2))).forEach(e -> counts.put(e.getKey(), e.getValue()));
    db.handle().createUpdate("DELETE FROM event_completion WHERE portal_id = :portal AND contact_id = :contact")
        .bind("portal", portalId).bind("contact", contactId).execute();
    return counts;
  }

  private static Map<String, String> properties(String json) {
    Map<String, String> properties = new java.util.LinkedHashMap<>();
    new JsonObject(json).forEach(e -> properties.put(e.getKey(), String.valueOf(e.getValue())));
    return properties;
  }

  @Override
  public List<CompletedEvent> forContact(long portalId, long contactId, int limit, int offset) {
    return db.handle().createQuery("SELECT c.id, c.definition_id, d.name, c.occurred_at, "
            + "c.value_micros, c.source, c.properties FROM event_completion c "
            + "JOIN event_definition d ON d.id = c.definition_id "
            + "WHERE c.contact_id = :contact AND c.portal_id = :portal "
            + "ORDER BY c.occurred_at DESC, c.id DESC LIMIT :limit OFFSET :offset")
        .bind("contact", contactId).bind("portal", portalId).bind("limit", limit)
        .bind("offset", offset)
        .map((rs, ctx) -> {
          long value = rs.getLong("value_micros");
          OptionalLong micros = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
          return new CompletedEvent(rs.getLong("id"), rs.getLong("definition_id"),
              rs.getString("name"), rs.getLong("occurred_at"), micros, rs.getString("source"),
              properties(rs.getString("properties")));
        }).list();
  }
}
