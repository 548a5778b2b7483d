package io.spoor.timeline;

import io.spoor.crm.ChangeSource;
import io.spoor.store.Database;
import io.spoor.store.Settling;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** {@link ActivityStore} in portable SQL over the tables the appliers write. */
public final class SqlActivityStore implements ActivityStore {
  /** History rows read per identify asked for: one identify may set several properties. */
  private static final int ROWS_PER_IDENTIFY = 20;

  private static final String IN_WINDOW = "AND occurred_at >= :from AND occurred_at < :until";

  /**
   * Each definition's latest completion, one index probe per definition (event_completion_last_seen),
   * rather than a MAX over all of the portal's completions.
   */
  static final String LAST_COMPLETED = "SELECT d.id, (SELECT MAX(c.occurred_at) FROM event_completion c "
      + "WHERE c.portal_id = d.portal_id AND c.definition_id = d.id) AS last_seen FROM event_definition d "
      + "WHERE d.portal_id = :portal AND d.id IN (<ids>)";

  private final Database db;

  public SqlActivityStore(Database db) {
    this.db = db;
  }

  @Override
  public List<Activity.PageVisit> pageViews(long portalId, long contactId, Window window, int limit) {
    return db.handle().createQuery("SELECT id, utk, occurred_at, session_start, url, title, referrer, content_type "
            + "FROM page_view WHERE contact_id = :contact AND portal_id = :portal " + IN_WINDOW
            + " ORDER BY occurred_at DESC, id DESC LIMIT :limit")
        .bind("contact", contactId).bind("portal", portalId).bind("from", window.from()).bind("until", window.until())
        .bind("limit", limit)
        .map((rs, ctx) -> new Activity.PageVisit(rs.getLong("id"), rs.getString("utk"), rs.getLong("occurred_at"),
            rs.getLong("session_start"), rs.getString("url"), rs.getString("title"), rs.getString("referrer"),
            rs.getString("content_type")))
        .list();
  }

  @Override
  public List<Activity.EventDone> completions(long portalId, long contactId, Window window, Optional<String> name,
      int limit) {
    var query = db.handle().createQuery("SELECT c.id, c.definition_id, d.name, c.occurred_at, c.value_micros, c.source, "
            + "c.properties FROM event_completion c JOIN event_definition d ON d.id = c.definition_id "
            + "WHERE " + Settling.either("c.contact_id = :contact AND c.portal_id = :portal")
            + " AND c.occurred_at >= :from AND c.occurred_at < :until"
            + (name.isPresent() ? " AND d.name = :name" : "")
            + " ORDER BY c.occurred_at DESC, c.id DESC LIMIT :limit")
        .bind("contact", contactId).bind("portal", portalId).bind("from", window.from()).bind("until", window.until())
        .bind("limit", limit);
    name.ifPresent(n -> query.bind("name", n));
    return query.map((rs, ctx) -> {
          long value = rs.getLong("value_micros");
          OptionalLong valueMicros = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
          Map<String, String> properties = new LinkedHashMap<>();
          new JsonObject(rs.getString("properties")).forEach(e -> properties.put(e.getKey(), String.valueOf(e.getValue())));
          return new Activity.EventDone(rs.getLong("id"), rs.getLong("definition_id"), rs.getString("name"),
              rs.getLong("occurred_at"), valueMicros, rs.getString("source"), properties);
        })
        .list();
  }

  @Override
  public List<Activity.Identified> identifies(long contactId, Window window, int limit) {
    List<Row> rows = db.handle().createQuery("SELECT name, value, changed_at, source_type, source_id "
            + "FROM property_history WHERE " + Settling.either("object_id = :contact")
            + " AND source_type IN (:tracking, :integration) AND changed_at >= :from AND changed_at < :until"
            + " ORDER BY changed_at DESC, id DESC LIMIT :rows")
        .bind("contact", contactId).bind("from", window.from()).bind("until", window.until()).bind("tracking", ChangeSource.TRACKING_CODE.sourceType())
        .bind("integration", ChangeSource.SEGMENT.sourceType()).bind("rows", limit * ROWS_PER_IDENTIFY)
        .map((rs, ctx) -> new Row(rs.getString("name"), rs.getString("value"), rs.getLong("changed_at"),
            rs.getString("source_id") == null ? rs.getString("source_type") : rs.getString("source_id")))
        .list();
    List<Activity.Identified> identifies = new ArrayList<>();
    Row group = null;
    Map<String, String> values = new LinkedHashMap<>();
    for (Row row : rows) {
      if (group == null || group.at != row.at || !Objects.equals(group.via, row.via)) {
        if (group != null) {
          identifies.add(new Activity.Identified(group.at, group.via, values));
        }
        group = row;
        values = new LinkedHashMap<>();
      }
      values.putIfAbsent(row.name, row.value);
    }
    if (group != null) {
      identifies.add(new Activity.Identified(group.at, group.via, values));
    }
    return identifies.size() > limit ? List.copyOf(identifies.subList(0, limit)) : identifies;
  }

  @Override
  public Map<Long, Long> lastCompleted(long portalId, Collection<Long> definitionIds) {
    Map<Long, Long> last = new HashMap<>();
    if (definitionIds.isEmpty()) {
      return last;
    }
    db.handle().createQuery(LAST_COMPLETED).bind("portal", portalId).bindList("ids", List.copyOf(definitionIds))
        .map((rs, ctx) -> {
          long at = rs.getLong(2);
          return rs.wasNull() ? null : Map.entry(rs.getLong(1), at);
        })
        .forEach(e -> {
          if (e != null) {
            last.put(e.getKey(), e.getValue());
          }
        });
    return last;
  }

  private record Row(String name, String value, long at, String via) {
  }
}
