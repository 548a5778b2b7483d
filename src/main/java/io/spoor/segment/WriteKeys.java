package io.spoor.segment;

import io.spoor.InvalidInputException;
import io.spoor.NotFoundException;
import io.spoor.portal.PortalStore;
import io.spoor.portal.SecretLookups;
import io.spoor.portal.TokenSecrets;
import io.spoor.store.Transactor;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A portal's write keys: creating, listing and revoking them, and finding the portal a key's
 * clear value belongs to. Only the hash of a value is stored (hashed as portal tokens are).
 * Lookups are cached briefly; a revocation made here is seen at once, one made by another
 * process within {@link #CACHE_MILLIS}.
 */
public final class WriteKeys {
  static final long CACHE_MILLIS = 5_000;
  private static final int MAX_CACHED = 10_000;
  private static final int VALUE_LENGTH = 32;
  private static final int MAX_NAME = 200;
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Transactor tx;
  private final PortalStore portals;
  private final WriteKeyStore keys;
  private final SecretLookups<Long> hubByHash;

  public WriteKeys(Transactor tx, PortalStore portals, WriteKeyStore keys, Clock clock) {
    this.tx = tx;
    this.portals = portals;
    this.keys = keys;
    this.hubByHash = new SecretLookups<>(CACHE_MILLIS, MAX_CACHED, clock);
  }

  /** A new key of the portal (404 when there is no such portal); its value is in the answer only. */
  public NewWriteKey create(long hubId, String name) {
    if (name == null || name.isBlank() || name.length() > MAX_NAME) {
      throw new InvalidInputException("name is required: 1 to " + MAX_NAME + " characters");
    }
    String value = newValue();
    WriteKey key = tx.inTransaction(() -> {
      portals.find(hubId).orElseThrow(() -> new NotFoundException("No portal with hub id " + hubId,
          Long.toString(hubId)));
      return keys.create(hubId, name.trim(), TokenSecrets.hash(value), TokenSecrets.hint(value));
    });
    return new NewWriteKey(key, value);
  }

  /** Up to {@code limit} of the portal's keys in id order, with ids above {@code afterId}. */
  public List<WriteKey> list(long hubId, long afterId, int limit) {
    return tx.read(() -> keys.list(hubId, afterId, limit));
  }

  public boolean revoke(long hubId, long id) {
    boolean revoked = tx.inTransaction(() -> keys.revoke(hubId, id));
    hubByHash.forgetAll();
    return revoked;
  }

  /** The hub id of the active key with this clear value. Blocking: call off the event loop. */
  public Optional<Long> hubOf(String value) {
    return hubByHash.find(value, hash -> tx.read(() -> keys.findActive(hash).map(WriteKey::hubId)));
  }

  /** 32 letters and digits, the shape of Segment's own write keys (190 bits of randomness). */
  private static String newValue() {
    StringBuilder value = new StringBuilder(VALUE_LENGTH);
    for (int i = 0; i < VALUE_LENGTH; i++) {
      value.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return value.toString();
  }
}
