package io.spoor.portal;

import io.spoor.http.Scope;
import io.spoor.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link TokenStore} in portable SQL; scopes are kept as space-separated wire names. */
public final class SqlTokenStore implements TokenStore {
  private static final String COLUMNS =
      "id, portal_id, name, token_hint, scopes, created_at, revoked_at, token_hash";
  private final Database db;
  private final Clock clock;

  public SqlTokenStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public Token create(long portalId, String name, String valueHash, String hint, Set<Scope> scopes) {
    long now = clock.millis();
    long id = db.handle().createQuery("INSERT INTO access_token "
            + "(portal_id, name, token_hash, token_hint, scopes, created_at) "
            + "VALUES (:portal, :name, :hash, :hint, :scopes, :now) RETURNING id")
        .bind("portal", portalId).bind("name", name).bind("hash", valueHash).bind("hint", hint)
        .bind("scopes", wire(scopes)).bind("now", now)
        .mapTo(Long.class).one();
    return new Token(id, portalId, name, hint, scopes, Instant.ofEpochMilli(now), Optional.empty());
  }

  @Override
  public Optional<Token> findActive(String valueHash) {
    return db.handle().createQuery("SELECT " + COLUMNS
            + " FROM access_token WHERE token_hash = :hash AND revoked_at IS NULL")
        .bind("hash", valueHash)
        .map((rs, ctx) -> TokenSecrets.sameHash(valueHash, rs.getString("token_hash")) ? map(rs) : null)
        .stream().filter(t -> t != null).findFirst();
  }

  @Override
  public List<Token> list(long portalId) {
    return db.handle().createQuery("SELECT " + COLUMNS
            + " FROM access_token WHERE portal_id = :portal ORDER BY id")
        .bind("portal", portalId).map((rs, ctx) -> map(rs)).list();
  }

  @Override
  public List<Token> list(long portalId, long afterId, int limit) {
    return db.handle().createQuery("SELECT " + COLUMNS
            + " FROM access_token WHERE portal_id = :portal AND id > :after ORDER BY id LIMIT :limit")
        .bind("portal", portalId).bind("after", afterId).bind("limit", limit).map((rs, ctx) -> map(rs)).list();
  }

  @Override
  public boolean revoke(long portalId, long tokenId) {
    return db.handle().createUpdate("UPDATE access_token SET revoked_at = :now "
            + "WHERE id = :id AND portal_id = :portal AND revoked_at IS NULL")
        .bind("now", clock.millis()).bind("id", tokenId).bind("portal", portalId).execute() == 1;
  }

  @Override
  public void revokeNamed(long portalId, String name) {
    db.handle().createUpdate("UPDATE access_token SET revoked_at = :now "
            + "WHERE portal_id = :portal AND name = :name AND revoked_at IS NULL")
        .bind("now", clock.millis()).bind("portal", portalId).bind("name", name).execute();
  }

  @Override
  public boolean exists(String valueHash) {
    return db.handle().createQuery("SELECT COUNT(*) FROM access_token WHERE token_hash = :hash")
        .bind("hash", valueHash).mapTo(Long.class).one() > 0;
  }

  private static String wire(Set<Scope> scopes) {
    return scopes.stream().map(Scope::wireName).sorted().collect(Collectors.joining(" "));
  }

  private static Token map(ResultSet rs) throws SQLException {
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    Arrays.stream(rs.getString("scopes").split(" "))
        .forEach(s -> Scope.fromWireName(s).ifPresent(scopes::add));
    long revoked = rs.getLong("revoked_at");
    Optional<Instant> revokedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(revoked));
    return new Token(rs.getLong("id"), rs.getLong("portal_id"), rs.getString("name"),
        rs.getString("token_hint"), scopes, Instant.ofEpochMilli(rs.getLong("created_at")), revokedAt);
  }
}
