package io.spoor.events;

import io.spoor.store.Database;
import io.spoor.store.JdbcBatch;
import io.spoor.store.Settling;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;


/** {@link CompletionStore} in portable SQL. */
public final class SqlCompletionStore implements CompletionStore {
  private static final String OF_CONTACT_IN_PORTAL = "contact_id = :contact AND portal_id = :portal";
  /** One page of a contact's completions, newest first: each index read in order and merged. */
  private static final String NEWEST_FIRST = newestFirst(Settling.settled(OF_CONTACT_IN_PORTAL))
      + " UNION ALL " + newestFirst(Settling.unsettled(OF_CONTACT_IN_PORTAL))
      + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset";
  private static final String OF_CONTACT = Settling.either("contact_id = :contact");

  private final Database db;
  private final Settling settling;

  public SqlCompletionStore(Database db) {
    this.db = db;
    this.settling = db.settling("event_completion");
  }

  @Override
  public void insert(List<Completion> completions) {
    if (completions.isEmpty()) {
      return;
    }
    JdbcBatch batch = new JdbcBatch(db.handle(), "INSERT INTO event_completion (portal_id, "
        + "definition_id, contact_id, hit_id, occurred_at, value_micros, source, properties, settled) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (Completion c : completions) {
      batch.add(c.portalId(), c.definitionId(), c.contactId().orElse(null), c.hitId(), c.occurredAt(),
          c.valueMicros().isPresent() ? c.valueMicros().getAsLong() : null, c.source(),
          new JsonObject(Map.copyOf(c.properties())).encode(), false);
    }
    batch.execute();
    settling.added(completions.size());
  }

  @Override
  public void reassign(long portalId, long fromContactId, long toContactId) {
    db.handle().createUpdate("UPDATE event_completion SET contact_id = :to WHERE portal_id = :portal "
            + "AND " + OF_CONTACT)
        .bind("to", toContactId).bind("portal", portalId).bind("contact", fromContactId).execute();
  }

  @Override
  public Map<Long, Long> deleteForContact(long portalId, long contactId) {
    Map<Long, Long> counts = new java.util.HashMap<>();
    db.handle().createQuery("SELECT definition_id, COUNT(*) FROM event_completion WHERE portal_id = :portal "
            + "AND " + OF_CONTACT + " GROUP BY definition_id")
        .bind("portal", portalId).bind("contact", contactId)
        .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2))).forEach(e -> counts.put(e.getKey(), e.getValue()));
    db.handle().createUpdate("DELETE FROM event_completion WHERE portal_id = :portal AND " + OF_CONTACT)
        .bind("portal", portalId).bind("contact", contactId).execute();
    return counts;
  }

  private static String newestFirst(String half) {
    return "SELECT id, definition_id, occurred_at, value_micros, source, properties FROM event_completion "
        + "WHERE " + half;
  }

  private static Map<String, String> properties(String json) {
    Map<String, String> properties = new java.util.LinkedHashMap<>();
    new JsonObject(json).forEach(e -> properties.put(e.getKey(), String.valueOf(e.getValue())));
    return properties;
  }

  @Override
  public List<CompletedEvent> forContact(long portalId, long contactId, int limit, int offset) {
    return db.handle().createQuery("SELECT c.id, c.definition_id, d.name, c.occurred_at, "
            + "c.value_micros, c.source, c.properties FROM (" + NEWEST_FIRST + ") c "
            + "JOIN event_definition d ON d.id = c.definition_id ORDER BY c.occurred_at DESC, c.id DESC")
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
