package io.spoor.portal;

import io.spoor.http.Scope;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** A stored private-app token: never its clear value, only a hint of its last characters. */
public record Token(long id, long portalId, String name, String hint, Set<Scope> scopes,
    Instant createdAt, Optional<Instant> revokedAt) {

  public boolean isActive() {
    return revokedAt.isEmpty();
  }
}
