package io.spoor.portal;

import io.spoor.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.Update;

/** {@link PortalStore} in portable SQL. */
public final class SqlPortalStore implements PortalStore {
  private static final String COLUMNS = "hub_id, name, custom_events_enabled, created_at, "
      + "require_consent, cookieless_before_consent, banner_text, honor_gpc, filter_bots, domains, "
      + "rate_limit_secondly, rate_limit_daily";
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
    return bindPrivacy(db.handle().createUpdate("INSERT INTO portal (" + COLUMNS + ") "
            + "VALUES (:id, :name, :events, :created, :consent, :cookieless, :banner, :gpc, :bots, :domains, "
            + ":secondly, :daily) "
            + "ON CONFLICT (hub_id) DO NOTHING"), portal)
        .bind("created", portal.createdAt().toEpochMilli()).execute() == 1;
  }

  @Override
  public boolean update(Portal portal) {
    return bindPrivacy(db.handle().createUpdate("UPDATE portal SET name = :name, "
            + "custom_events_enabled = :events, require_consent = :consent, "
            + "cookieless_before_consent = :cookieless, banner_text = :banner, honor_gpc = :gpc, "
            + "filter_bots = :bots, domains = :domains, rate_limit_secondly = :secondly, "
            + "rate_limit_daily = :daily WHERE hub_id = :id"), portal).execute() == 1;
  }

  private static Update bindPrivacy(Update update, Portal portal) {
    Privacy p = portal.privacy();
    return update.bind("id", portal.hubId()).bind("name", portal.name())
        .bind("events", portal.customEventsEnabled()).bind("consent", p.requireConsent())
        .bind("cookieless", p.cookielessBeforeConsent()).bind("banner", p.bannerText())
        .bind("gpc", p.honorGpc()).bind("bots", p.filterBots()).bind("domains", String.join(" ", p.domains()))
        .bind("secondly", portal.limits().perSecond()).bind("daily", portal.limits().perDay());
  }

  private static Portal map(ResultSet rs) throws SQLException {
    String domains = rs.getString("domains").trim();
    Privacy privacy = new Privacy(rs.getBoolean("require_consent"), rs.getBoolean("cookieless_before_consent"),
        rs.getString("banner_text"), rs.getBoolean("honor_gpc"), rs.getBoolean("filter_bots"),
        domains.isEmpty() ? List.of() : List.of(domains.split(" ")));
    return new Portal(rs.getLong("hub_id"), rs.getString("name"),
        rs.getBoolean("custom_events_enabled"), Instant.ofEpochMilli(rs.getLong("created_at")), privacy,
        new RateLimits(rs.getInt("rate_limit_secondly"), rs.getLong("rate_limit_daily")));
  }
}
