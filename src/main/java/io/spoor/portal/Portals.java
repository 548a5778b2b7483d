package io.spoor.portal;

import io.spoor.ConflictException;
import io.spoor.NotFoundException;
import io.spoor.http.Scope;
import io.spoor.store.Transactor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Portals and their tokens: creation, settings, issuing and revoking tokens, and looking a
 * token up by its value. Lookups are cached briefly (Caffeine, bounded by size, least useful
 * entries evicted first); a revocation made here is seen at once, one made by another process
 * within {@link #CACHE_MILLIS}.
 */
public final class Portals {
  static final long CACHE_MILLIS = 5_000;
  private static final int MAX_CACHED = 10_000;
  public static final String BOOTSTRAP_TOKEN_NAME = "bootstrap";

  private final Transactor tx;
  private final PortalStore portals;
  private final TokenStore tokens;
  private final Clock clock;
  private final SecretLookups<Access> byHash;

  public Portals(Transactor tx, PortalStore portals, TokenStore tokens, Clock clock) {
    this.tx = tx;
    this.portals = portals;
    this.tokens = tokens;
    this.clock = clock;
    this.byHash = new SecretLookups<>(CACHE_MILLIS, MAX_CACHED, clock);
  }

  public Portal create(long hubId, String name) {
    Portal portal = new Portal(hubId, name, true, Instant.ofEpochMilli(clock.millis()), Privacy.DEFAULT,
        RateLimits.DEFAULT);
    if (!tx.inTransaction(() -> portals.create(portal))) {
      throw new ConflictException("A portal with hub id " + hubId + " already exists");
    }
    return portal;
  }

  public List<Portal> list() {
    return tx.read(portals::list);
  }

  public Portal get(long hubId) {
    return tx.read(() -> portals.find(hubId))
        .orElseThrow(() -> new NotFoundException("No portal with hub id " + hubId, Long.toString(hubId)));
  }

  public Portal setCustomEventsEnabled(long hubId, boolean enabled) {
    return change(hubId, p -> p.withCustomEventsEnabled(enabled));
  }

  public Portal setPrivacy(long hubId, Privacy privacy) {
    return change(hubId, p -> p.withPrivacy(privacy));
  }

  public Portal setLimits(long hubId, RateLimits limits) {
    return change(hubId, p -> p.withLimits(limits));
  }

  /** Changes the portal's settings in one transaction: all of {@code change} is kept, or none of it. */
  public Portal change(long hubId, UnaryOperator<Portal> change) {
    Changed changed = tx.inTransaction(() -> {
      Portal before = get(hubId);
      Portal after = change.apply(before);
      if (!after.equals(before)) {
        portals.update(after);
      }
      return new Changed(before, after);
    });
    if (!changed.after().limits().equals(changed.before().limits())) {
      byHash.forgetAll();
    }
    return changed.after();
  }

  private record Changed(Portal before, Portal after) {
  }

  public NewToken issueToken(long hubId, String name, Set<Scope> scopes) {
    String value = TokenSecrets.newValue();
    return new NewToken(register(hubId, name, value, scopes), value);
  }

  /** Stores a token whose value the caller chose (the bootstrap token). */
  public Token register(long hubId, String name, String value, Set<Scope> scopes) {
    return tx.inTransaction(() -> {
      get(hubId);
      return tokens.create(hubId, name, TokenSecrets.hash(value), TokenSecrets.hint(value), scopes);
    });
  }

  public List<Token> tokens(long hubId) {
    return tx.read(() -> tokens.list(hubId));
  }

  /** Up to {@code limit} of the portal's tokens in id order, with ids above {@code afterId}. */
  public List<Token> tokens(long hubId, long afterId, int limit) {
    return tx.read(() -> tokens.list(hubId, afterId, limit));
  }

  public boolean revoke(long hubId, long tokenId) {
    boolean revoked = tx.inTransaction(() -> tokens.revoke(hubId, tokenId));
    byHash.forgetAll();
    return revoked;
  }

  /** What became of a configured bootstrap value. */
  public enum Bootstrap {
    /** The value is the portal's bootstrap token (now or already). */
    ACTIVE,
    /** The value was a token once and has been revoked: it stays revoked and is ignored. */
    REVOKED,
    /** The value is already a token of another portal: it is ignored. */
    TAKEN
  }

  /**
   * Makes {@code value} the portal's bootstrap token: earlier bootstrap tokens are revoked
   * unless one already has this value. A value that was revoked is never brought back.
   */
  public Bootstrap ensureBootstrapToken(long hubId, String value) {
    String hash = TokenSecrets.hash(value);
    Bootstrap outcome = tx.inTransaction(() -> {
      Optional<Token> existing = tokens.findActive(hash);
      if (existing.isPresent()) {
        return existing.get().portalId() == hubId ? Bootstrap.ACTIVE : Bootstrap.TAKEN;
      }
      if (tokens.exists(hash)) {
        return Bootstrap.REVOKED;
      }
      tokens.revokeNamed(hubId, BOOTSTRAP_TOKEN_NAME);
      tokens.create(hubId, BOOTSTRAP_TOKEN_NAME, hash, TokenSecrets.hint(value), Scope.all());
      return Bootstrap.ACTIVE;
    });
    byHash.forgetAll();
    return outcome;
  }

  /** The active token with this clear value and its portal's limits. Blocking: call off the event loop. */
  public Optional<Access> authenticate(String value) {
    return byHash.find(value, hash -> tx.read(() -> tokens.findActive(hash).flatMap(t -> portals.find(t.portalId())
        .map(p -> new Access(t, p.limits())))));
  }

  /** A token that authenticated, with the limits its calls are held to. */
  public record Access(Token token, RateLimits limits) {
  }
}
