package io.spoor.dashboard;

import io.spoor.ConflictException;
import io.spoor.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** {@link AccountStore} in portable SQL. */
public final class SqlAccountStore implements AccountStore {
  private final Database db;
  private final Clock clock;

  public SqlAccountStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public User create(String email, String passwordHash, Role role, long hubId) {
    if (findByEmail(email).isPresent()) {
      throw new ConflictException("A user with this email already exists");
    }
    long id = db.handle().createQuery("INSERT INTO dashboard_user (email, password_hash, role, created_at) "
            + "VALUES (:email, :hash, :role, :now) RETURNING id")
        .bind("email", email).bind("hash", passwordHash).bind("role", role.wireName()).bind("now", clock.millis())
        .mapTo(Long.class).one();
    db.handle().createUpdate("INSERT INTO dashboard_user_portal (user_id, portal_id) VALUES (:user, :portal)")
        .bind("user", id).bind("portal", hubId).execute();
    return new User(id, email, role, List.of(hubId));
  }

  @Override
  public Optional<Stored> findByEmail(String email) {
    return find("email = :key", email);
  }

  @Override
  public Optional<Stored> findById(long id) {
    return find("id = :key", id);
  }

  private Optional<Stored> find(String where, Object key) {
    return db.handle().createQuery("SELECT id, email, password_hash, role, must_change_password FROM dashboard_user WHERE " + where)
        .bind("key", key).map((rs, ctx) -> stored(rs)).findOne();
  }

  private Stored stored(ResultSet rs) throws SQLException {
    long id = rs.getLong("id");
    return new Stored(new User(id, rs.getString("email"), Role.fromWireName(rs.getString("role")).orElseThrow(),
        portals(id)), rs.getString("password_hash"), rs.getBoolean("must_change_password"));
  }

  private List<Long> portals(long userId) {
    return db.handle().createQuery("SELECT portal_id FROM dashboard_user_portal WHERE user_id = :user "
        + "ORDER BY portal_id").bind("user", userId).mapTo(Long.class).list();
  }

  @Override
  public boolean anyUser() {
    return db.handle().createQuery("SELECT COUNT(*) FROM dashboard_user").mapTo(Long.class).one() > 0;
  }

  @Override
  public void setPasswordHash(long userId, String passwordHash) {
    db.handle().createUpdate("UPDATE dashboard_user SET password_hash = :hash, must_change_password = FALSE "
            + "WHERE id = :id")
        .bind("hash", passwordHash).bind("id", userId).execute();
  }

  @Override
  public void openSession(String idHash, long userId, String csrfToken, long expiresAt) {
    db.handle().createUpdate("DELETE FROM dashboard_session WHERE expires_at <= :now").bind("now", clock.millis())
        .execute();
    db.handle().createUpdate("INSERT INTO dashboard_session (id_hash, user_id, csrf_token, created_at, expires_at) "
            + "VALUES (:hash, :user, :csrf, :now, :expires)")
        .bind("hash", idHash).bind("user", userId).bind("csrf", csrfToken).bind("now", clock.millis())
        .bind("expires", expiresAt).execute();
  }

  @Override
  public Optional<SignedIn> session(String idHash, long now) {
    return db.handle().createQuery("SELECT user_id, csrf_token FROM dashboard_session "
            + "WHERE id_hash = :hash AND expires_at > :now")
        .bind("hash", idHash).bind("now", now)
        .map((rs, ctx) -> new Object[] {rs.getLong("user_id"), rs.getString("csrf_token")}).findOne()
        .flatMap(row -> findById((Long) row[0]).map(s -> new SignedIn(s.user(), (String) row[1],
            s.mustChangePassword())));
  }

  @Override
  public void closeSession(String idHash) {
    db.handle().createUpdate("DELETE FROM dashboard_session WHERE id_hash = :hash").bind("hash", idHash).execute();
  }

  @Override
  public void addSetupLink(String tokenHash, long hubId, long expiresAt) {
    db.handle().createUpdate("INSERT INTO dashboard_setup_link (token_hash, portal_id, expires_at) "
        + "VALUES (:hash, :portal, :expires)").bind("hash", tokenHash).bind("portal", hubId)
        .bind("expires", expiresAt).execute();
  }

  @Override
  public Optional<Long> takeSetupLink(String tokenHash, long now) {
    Optional<Long> portal = db.handle().createQuery("SELECT portal_id FROM dashboard_setup_link "
        + "WHERE token_hash = :hash AND expires_at > :now").bind("hash", tokenHash).bind("now", now)
        .mapTo(Long.class).findOne();
    db.handle().createUpdate("DELETE FROM dashboard_setup_link WHERE token_hash = :hash OR expires_at <= :now")
        .bind("hash", tokenHash).bind("now", now).execute();
    return portal;
  }

  @Override
  public boolean hasHits(long hubId) {
    return db.handle().createQuery("SELECT 1 FROM page_view WHERE portal_id = :portal LIMIT 1")
        .bind("portal", hubId).mapTo(Integer.class).findOne().isPresent();
  }

  @Override
  public void requirePasswordChange(long userId) {
    db.handle().createUpdate("UPDATE dashboard_user SET must_change_password = TRUE WHERE id = :id")
        .bind("id", userId).execute();
  }

  @Override
  public void closeSessionsOf(long userId, String keptIdHash) {
    db.handle().createUpdate("DELETE FROM dashboard_session WHERE user_id = :user AND id_hash <> :kept")
        .bind("user", userId).bind("kept", keptIdHash == null ? "" : keptIdHash).execute();
  }

  @Override
  public List<User> users(long hubId) {
    return db.handle().createQuery("SELECT u.id FROM dashboard_user u JOIN dashboard_user_portal p "
            + "ON p.user_id = u.id WHERE p.portal_id = :portal ORDER BY u.email")
        .bind("portal", hubId).mapTo(Long.class).list().stream()
        .map(id -> findById(id).orElseThrow().user()).toList();
  }

  @Override
  public boolean removeFromPortal(long userId, long hubId) {
    int removed = db.handle().createUpdate("DELETE FROM dashboard_user_portal WHERE user_id = :user "
        + "AND portal_id = :portal").bind("user", userId).bind("portal", hubId).execute();
    if (removed > 0 && portals(userId).isEmpty()) {
      db.handle().createUpdate("DELETE FROM dashboard_session WHERE user_id = :user").bind("user", userId).execute();
      db.handle().createUpdate("DELETE FROM dashboard_user WHERE id = :user").bind("user", userId).execute();
    }
    return removed > 0;
  }
}
