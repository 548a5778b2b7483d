package io.spoor.portal;

import io.spoor.http.Scope;
import java.util.List;
import java.util.Optional;

/** Private-app tokens, found by the hash of their value. Runs inside the caller's transaction. */
public interface TokenStore {
  Token create(long portalId, String name, String valueHash, String hint, java.util.Set<Scope> scopes);

  /** The active token whose value hashes to {@code valueHash}. */
  Optional<Token> findActive(String valueHash);

  List<Token> list(long portalId);

  /** Up to {@code limit} of the portal's tokens (revoked ones included) in id order, with ids above {@code afterId}. */
  List<Token> list(long portalId, long afterId, int limit);

  /** Revokes a token of the portal; false when it has no such active token. */
  boolean revoke(long portalId, long tokenId);

  /** Revokes every active token of the portal with that name (used for the bootstrap token). */
  void revokeNamed(long portalId, String name);

  /** Whether any token, active or revoked, has a value hashing to {@code valueHash} (hashes are unique). */
  boolean exists(String valueHash);
}
