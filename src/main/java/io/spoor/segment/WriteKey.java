package io.spoor.segment;

import java.time.Instant;
import java.util.Optional;

/** A stored write key of a portal: never its clear value, only a hint of its last characters. */
public record WriteKey(long id, long hubId, String name, String hint, Instant createdAt,
    Optional<Instant> revokedAt) {

  public boolean isActive() {
    return revokedAt.isEmpty();
  }
}
