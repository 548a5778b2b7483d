package io.spoor.portal;

import io.spoor.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link PortalStore} in portable SQL. */
public final class SqlPortalStore implements PortalStore {
  private static final String COLUMNS = "hub_id, name, custom_events_enabled, created_at";
  private final Database db;

  public SqlPortalStore(Database db) {
    this.db = db;
  }

  @Override
  public Optional<Portal> find(long hubId) {
    return db.handle().createQuery("SELECT " + COLUMNS + " FROM portal WHERE hub_id = :id")
        .bind("id", hubId).map((rs, ctx) -> map(rs)).findOne();
  }

  @Override
  public List<Portal> list() {
    return db.handle().createQuery("SELECT " + COLUMNS + " FROM portal ORDER BY hub_id")
        .map((rs, ctx) -> map(rs)).list();
  }

  @Override
  public boolean create(Portal portal) {
    return db.handle().createUpdate("INSERT INTO portal (" + COLUMNS + ") "
            + "VALUES (:id, :name, :events, :created) ON CONFLICT (hub_id) DO NOTHING")
        .bind("id", portal.hubId()).bind("name", portal.name())
        .bind("events", portal.customEventsEnabled())
        .bind("created", portal.createdAt().toEpochMilli()).execute() == 1;
  }

  @Override
  public boolean update(Portal portal) {
    return db.handle().createUpdate(
            "UPDATE portal SET name = :name, custom_events_enabled = :events WHERE hub_id = :id")
        .bind("id", portal.hubId()).bind("name", portal.name())
        .bind("events", portal.customEventsEnabled()).execute() == 1;
  }

  private static Portal map(ResultSet rs) throws SQLException {
    return new Portal(rs.getLong("hub_id"), rs.getString("name"),
        rs.getBoolean("custom_events_enabled"), Instant.ofEpochMilli(rs.getLong("created_at")));
  }
}
