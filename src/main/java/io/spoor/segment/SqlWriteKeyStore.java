package io.spoor.segment;

import io.spoor.portal.TokenSecrets;
import io.spoor.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link WriteKeyStore} in portable SQL. */
public final class SqlWriteKeyStore implements WriteKeyStore {
  private static final String COLUMNS = "id, portal_id, name, key_hint, created_at, revoked_at, key_hash";
  private final Database db;
  private final Clock clock;

  public SqlWriteKeyStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public WriteKey create(long hubId, String name, String valueHash, String hint) {
    long now = clock.millis();
    long id = db.handle().createQuery("INSERT INTO write_key (portal_id, name, key_hash, key_hint, created_at) "
            + "VALUES (:portal, :name, :hash, :hint, :now) RETURNING id")
        .bind("portal", hubId).bind("name", name).bind("hash", valueHash).bind("hint", hint).bind("now", now)
        .mapTo(Long.class).one();
    return new WriteKey(id, hubId, name, hint, Instant.ofEpochMilli(now), Optional.empty());
  }

  @Override
  public Optional<WriteKey> findActive(String valueHash) {
    return db.handle().createQuery("SELECT " + COLUMNS + " FROM write_key WHERE key_hash = :hash AND revoked_at IS NULL")
        .bind("hash", valueHash)
        .map((rs, ctx) -> TokenSecrets.sameHash(valueHash, rs.getString("key_hash")) ? map(rs) : null)
        .stream().filter(Objects::nonNull).findFirst();
  }

  @Override
  public List<WriteKey> list(long hubId, long afterId, int limit) {
    return db.handle().createQuery("SELECT " + COLUMNS
            + " FROM write_key WHERE portal_id = :portal AND id > :after ORDER BY id LIMIT :limit")
        .bind("portal", hubId).bind("after", afterId).bind("limit", limit).map((rs, ctx) -> map(rs)).list();
  }

  @Override
  public boolean revoke(long hubId, long id) {
    return db.handle().createUpdate("UPDATE write_key SET revoked_at = :now "
            + "WHERE id = :id AND portal_id = :portal AND revoked_at IS NULL")
        .bind("now", clock.millis()).bind("id", id).bind("portal", hubId).execute() == 1;
  }

  private static WriteKey map(ResultSet rs) throws SQLException {
    long revoked = rs.getLong("revoked_at");
    Optional<Instant> revokedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(revoked));
    return new WriteKey(rs.getLong("id"), rs.getLong("portal_id"), rs.getString("name"), rs.getString("key_hint"),
        Instant.ofEpochMilli(rs.getLong("created_at")), revokedAt);
  }
}
