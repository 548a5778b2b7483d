package io.spoor.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.StoreContract;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WriteKeyStore} does; an implementation's test makes the store with a clock
 * standing at {@link #NOW}, in a store that has portals 1 and 2.
 */
abstract class WriteKeyStoreContract extends StoreContract<WriteKeyStore> {
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void aCreatedKeyIsFoundByTheHashOfItsValue() {
    WriteKey made = in(s -> s.create(1, "web", "hash-a", "…aaaa"));

    assertEquals(new WriteKey(made.id(), 1, "web", "…aaaa", NOW, Optional.empty()), made);
    assertEquals(Optional.of(made), read(s -> s.findActive("hash-a")));
    assertEquals(Optional.empty(), read(s -> s.findActive("hash-b")));
  }

  @Test
  void aHashIsUniqueAcrossPortals() {
    run(s -> s.create(1, "web", "hash-a", "…aaaa"));

    assertThrows(RuntimeException.class, () -> run(s -> s.create(2, "web", "hash-a", "…aaaa")));
  }

  @Test
  void aRevokedKeyIsNoLongerFoundButStaysListed() {
    WriteKey made = in(s -> s.create(1, "web", "hash-a", "…aaaa"));

    assertFalse((boolean) in(s -> s.revoke(2, made.id())), "another portal's key was revoked");
    assertTrue((boolean) in(s -> s.revoke(1, made.id())));
    assertFalse((boolean) in(s -> s.revoke(1, made.id())), "revoked twice");

    assertEquals(Optional.empty(), read(s -> s.findActive("hash-a")));
    assertEquals(List.of(new WriteKey(made.id(), 1, "web", "…aaaa", NOW, Optional.of(NOW))),
        read(s -> s.list(1, 0, 10)));
  }

  @Test
  void aPortalsKeysAreListedAndPagedInIdOrder() {
    List<Long> ids = List.of(
        in(s -> s.create(1, "a", "hash-a", "…a")).id(),
        in(s -> s.create(2, "other", "hash-x", "…x")).id(),
        in(s -> s.create(1, "b", "hash-b", "…b")).id(),
        in(s -> s.create(1, "c", "hash-c", "…c")).id());

    assertEquals(List.of("a", "b", "c"), names(1, 0, 10));
    assertEquals(List.of("b"), names(1, ids.get(0), 1));
    assertEquals(List.of("c"), names(1, ids.get(2), 10));
    assertEquals(List.of(), names(1, ids.get(3), 10));
    assertEquals(List.of("other"), names(2, 0, 10));
  }

  private List<String> names(long hubId, long afterId, int limit) {
    return read(s -> s.list(hubId, afterId, limit)).stream().map(WriteKey::name).toList();
  }
}
