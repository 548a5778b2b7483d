package io.spoor.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.ConflictException;
import io.spoor.dashboard.AccountStore.Stored;
import io.spoor.identity.PageView;
import io.spoor.identity.VisitorStore;
import io.spoor.testkit.StoreContract;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AccountStore} does: users found by email or id, sessions and setup links
 * found by their hashes until they expire. An implementation's test makes the store and, with
 * {@link #alongside}, the visitor store whose page views {@link AccountStore#hasHits} sees, in a
 * store that has portals 1 and 2, with a clock standing at {@link #NOW}.
 */
abstract class AccountStoreContract extends StoreContract<AccountStore> {
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private VisitorStore visitors;

  protected final void alongside(VisitorStore visitors) {
    this.visitors = visitors;
  }

  private User ada() {
    return in(s -> s.create("ada@example.com", "hash-1", Role.ADMIN, 1));
  }

  @Test
  void aCreatedUserIsFoundByEmailAndByIdWithTheirPasswordHash() {
    assertFalse((boolean) read(AccountStore::anyUser));
    User ada = ada();

    assertEquals(new User(ada.id(), "ada@example.com", Role.ADMIN, List.of(1L)), ada);
    Optional<Stored> stored = Optional.of(new Stored(ada, "hash-1"));
    assertEquals(stored, read(s -> s.findByEmail("ada@example.com")));
    assertEquals(stored, read(s -> s.findById(ada.id())));
    assertEquals(Optional.empty(), read(s -> s.findByEmail("bob@example.com")));
    assertEquals(Optional.empty(), read(s -> s.findById(ada.id() + 1)));
    assertTrue((boolean) read(AccountStore::anyUser));
  }

  @Test
  void anEmailIsTakenOnce() {
    ada();

    assertThrows(ConflictException.class, () -> run(s -> s.create("ada@example.com", "hash-2", Role.VIEWER, 2)));
    User bob = in(s -> s.create("bob@example.com", "hash-2", Role.VIEWER, 2));
    assertEquals(List.of(2L), bob.portals());
  }

  @Test
  void aNewPasswordHashReplacesTheOldOne() {
    User ada = ada();

    run(s -> s.setPasswordHash(ada.id(), "hash-new"));

    assertEquals("hash-new", read(s -> s.findByEmail("ada@example.com")).orElseThrow().passwordHash());
  }

  @Test
  void aSessionFindsItsUserAndTokenUntilItExpiresOrCloses() {
    User ada = ada();
    long now = NOW.toEpochMilli();
    run(s -> s.openSession("session-a", ada.id(), "csrf-a", now + 1_000));
    run(s -> s.openSession("session-b", ada.id(), "csrf-b", now + 1_000));

    assertEquals(Optional.of(new SignedIn(ada, "csrf-a")), read(s -> s.session("session-a", now + 999)));
    assertEquals(Optional.empty(), read(s -> s.session("session-a", now + 1_000)));
    assertEquals(Optional.empty(), read(s -> s.session("session-c", now)));
    run(s -> s.closeSession("session-a"));
    assertEquals(Optional.empty(), read(s -> s.session("session-a", now)));
    assertEquals(Optional.of(new SignedIn(ada, "csrf-b")), read(s -> s.session("session-b", now)));
  }

  @Test
  void aSetupLinkIsTakenOnceBeforeItExpires() {
    run(s -> s.addSetupLink("link-a", 1, 1_000));
    run(s -> s.addSetupLink("link-b", 2, 1_000));

    assertEquals(Optional.of(1L), in(s -> s.takeSetupLink("link-a", 999)));
    assertEquals(Optional.empty(), in(s -> s.takeSetupLink("link-a", 999)));
    assertEquals(Optional.empty(), in(s -> s.takeSetupLink("link-b", 1_000)));
    assertEquals(Optional.empty(), in(s -> s.takeSetupLink("link-c", 0)));
  }

  @Test
  void aPortalHasHitsOnceItHasTakenAPageView() {
    assertFalse((boolean) read(s -> s.hasHits(1)));

    run(s -> visitors.insertPageViews(List.of(new PageView(1, "utk-a", Optional.empty(), "hit-1", 100, 100,
        "https://site.example/", "/", "Home", "", "standard-page", "", "", false, 100))));

    assertTrue((boolean) read(s -> s.hasHits(1)));
    assertFalse((boolean) read(s -> s.hasHits(2)));
  }
}
