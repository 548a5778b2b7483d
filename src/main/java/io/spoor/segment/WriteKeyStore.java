package io.spoor.segment;

import java.util.List;
import java.util.Optional;

/**
 * Segment write keys, found by the hash of their value. Runs inside the caller's transaction;
 * hashes are unique across portals.
 */
public interface WriteKeyStore {
  WriteKey create(long hubId, String name, String valueHash, String hint);

  /** The active key whose value hashes to {@code valueHash}; empty for an unknown or revoked one. */
  Optional<WriteKey> findActive(String valueHash);

  /** Up to {@code limit} of the portal's keys (revoked ones included) in id order, with ids above {@code afterId}. */
  List<WriteKey> list(long hubId, long afterId, int limit);

  /** Revokes a key of the portal; false when the portal has no such active key. */
  boolean revoke(long hubId, long id);
}
