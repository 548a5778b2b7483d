package io.spoor.events;

import io.spoor.store.Database;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link EventDetailsStore} in portable SQL; properties are a JSON array. */
public final class SqlEventDetailsStore implements EventDetailsStore {
  private final Database db;

  public SqlEventDetailsStore(Database db) {
    this.db = db;
  }

  @Override
  public void save(long definitionId, EventDetails d) {
    JsonArray properties = new JsonArray();
    d.properties().forEach(p -> properties.add(new JsonObject().put("name", p.name()).put("label", p.label())
        .put("type", p.type())));
    db.handle().createUpdate("INSERT INTO event_definition_detail (definition_id, label, description, properties) "
            + "VALUES (:id, :label, :description, :properties) ON CONFLICT (definition_id) DO UPDATE SET "
            + "label = excluded.label, description = excluded.description, properties = excluded.properties")
        .bind("id", definitionId).bind("label", d.label()).bind("description", d.description())
        .bind("properties", properties.encode()).execute();
  }

  @Override
  public Map<Long, EventDetails> find(Collection<Long> definitionIds) {
    Map<Long, EventDetails> found = new HashMap<>();
    if (!definitionIds.isEmpty()) {
      db.handle().createQuery("SELECT * FROM event_definition_detail WHERE definition_id IN (<ids>)")
          .bindList("ids", List.copyOf(definitionIds))
          .map((rs, ctx) -> Map.entry(rs.getLong("definition_id"), new EventDetails(rs.getString("label"),
              rs.getString("description"), properties(rs.getString("properties")))))
          .forEach(e -> found.put(e.getKey(), e.getValue()));
    }
    return found;
  }

  private static List<EventDetails.EventProperty> properties(String json) {
    List<EventDetails.EventProperty> list = new ArrayList<>();
    for (Object o : new JsonArray(json)) {
      JsonObject p = (JsonObject) o;
      list.add(new EventDetails.EventProperty(p.getString("name"), p.getString("label"), p.getString("type")));
    }
    return list;
  }
}
