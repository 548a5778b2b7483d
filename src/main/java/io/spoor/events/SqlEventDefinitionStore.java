package io.spoor.events;

import io.spoor.store.Database;
import io.spoor.store.JdbcBatch;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;


/** {@link EventDefinitionStore} in portable SQL. */
public final class SqlEventDefinitionStore implements EventDefinitionStore {
  private static final String SELECT = "SELECT id, portal_id, name, origin, completions, created_at, "
      + "deleted_at FROM event_definition WHERE portal_id = :portal ";
  private final Database db;

  public SqlEventDefinitionStore(Database db) {
    this.db = db;
  }

  @Override
  public Optional<EventDefinition> findById(long portalId, long id) {
    return db.handle().createQuery(SELECT + "AND id = :id").bind("portal", portalId).bind("id", id)
        .map((rs, ctx) -> map(rs)).findOne();
  }

  @Override
  public List<EventDefinition> findByName(long portalId, String name) {
    return db.handle().createQuery(SELECT + "AND name = :name ORDER BY id")
        .bind("portal", portalId).bind("name", name).map((rs, ctx) -> map(rs)).list();
  }

  @Override
  public EventDefinition create(long portalId, String name, Origin origin, long at) {
    long id = db.handle().createQuery("INSERT INTO event_definition (portal_id, name, origin, "
            + "completions, created_at) VALUES (:portal, :name, :origin, 0, :at) RETURNING id")
        .bind("portal", portalId).bind("name", name).bind("origin", origin.name()).bind("at", at)
        .mapTo(Long.class).one();
    return new EventDefinition(id, portalId, name, origin, 0, Instant.ofEpochMilli(at), Optional.empty());
  }

  @Override
  public long countLive(long portalId, Origin origin) {
    return db.handle().createQuery("SELECT COUNT(*) FROM event_definition WHERE portal_id = :portal "
            + "AND origin = :origin AND deleted_at IS NULL")
        .bind("portal", portalId).bind("origin", origin.name()).mapTo(Long.class).one();
  }

  @Override
  public List<EventDefinition> list(long portalId, String namePrefix, long afterId, int limit) {
    return db.handle().createQuery(SELECT + "AND deleted_at IS NULL AND id > :after" + named(namePrefix)
            + " ORDER BY id LIMIT :limit")
        .bind("portal", portalId).bind("after", afterId).bind("prefix", namePrefix).bind("limit", limit)
        .map((rs, ctx) -> map(rs)).list();
  }

  @Override
  public long countNamed(long portalId, String namePrefix) {
    return db.handle().createQuery("SELECT COUNT(*) FROM event_definition WHERE portal_id = :portal "
            + "AND deleted_at IS NULL" + named(namePrefix))
        .bind("portal", portalId).bind("prefix", namePrefix).mapTo(Long.class).one();
  }

  /** The condition on the name; none for the empty prefix. */
  private static String named(String prefix) {
    return prefix.isEmpty() ? "" : " AND SUBSTR(name, 1, LENGTH(:prefix)) = :prefix";
  }

  @Override
  public boolean delete(long portalId, long id, long at) {
    return db.handle().createUpdate("UPDATE event_definition SET deleted_at = :at "
            + "WHERE portal_id = :portal AND id = :id AND deleted_at IS NULL")
        .bind("at", at).bind("portal", portalId).bind("id", id).execute() == 1;
  }

  @Override
  public void addCompletions(Map<Long, Long> countsById) {
    if (countsById.isEmpty()) {
      return;
    }
    JdbcBatch batch = new JdbcBatch(db.handle(),
        "UPDATE event_definition SET completions = completions + ? WHERE id = ?");
    countsById.forEach((id, n) -> batch.add(n, id));
    batch.execute();
  }

  private static EventDefinition map(ResultSet rs) throws SQLException {
    long deleted = rs.getLong("deleted_at");
    Optional<Instant> deletedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(deleted));
    return new EventDefinition(rs.getLong("id"), rs.getLong("portal_id"), rs.getString("name"),
        Origin.valueOf(rs.getString("origin")), rs.getLong("completions"),
        Instant.ofEpochMilli(rs.getLong("created_at")), deletedAt);
  }
}
