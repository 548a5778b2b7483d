package io.spoor.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.http.Scope;
import io.spoor.testkit.StoreContract;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TokenStore} does; an implementation's test makes the store with a clock
 * standing at {@link #NOW}.
 */
abstract class TokenStoreContract extends StoreContract<TokenStore> {
  static final java.time.Instant NOW = java.time.Instant.parse("2026-03-01T10:00:00Z");
  private static final Set<Scope> READ = EnumSet.of(Scope.CONTACTS_READ);

  @Test
  void aCreatedTokenIsFoundByTheHashOfItsValueWithItsScopes() {
    Set<Scope> scopes = EnumSet.of(Scope.CONTACTS_READ, Scope.COMPANIES_WRITE);
    Token made = in(s -> s.create(1, "ci", "hash-a", "…aaaa", scopes));

    assertEquals(Optional.of(made), read(s -> s.findActive("hash-a")));
    assertEquals(new Token(made.id(), 1, "ci", "…aaaa", scopes, NOW, Optional.empty()), made);
    assertEquals(Optional.empty(), read(s -> s.findActive("hash-b")));
  }

  @Test
  void aRevokedTokenIsNoLongerFoundButItsHashStillExists() {
    Token made = in(s -> s.create(1, "ci", "hash-a", "…aaaa", READ));

    assertFalse((boolean) in(s -> s.revoke(2, made.id())), "another portal's token was revoked");
    assertTrue((boolean) in(s -> s.revoke(1, made.id())));
    assertFalse((boolean) in(s -> s.revoke(1, made.id())), "revoked twice");

    assertEquals(Optional.empty(), read(s -> s.findActive("hash-a")));
    assertTrue((boolean) read(s -> s.exists("hash-a")));
    assertFalse((boolean) read(s -> s.exists("hash-b")));
    assertEquals(Optional.of(NOW), read(s -> s.list(1)).get(0).revokedAt());
  }

  @Test
  void revokingByNameRevokesEveryActiveTokenOfThatNameInThePortal() {
    run(s -> s.create(1, "bootstrap", "hash-a", "…a", READ));
    run(s -> s.create(1, "bootstrap", "hash-b", "…b", READ));
    run(s -> s.create(1, "ci", "hash-c", "…c", READ));
    run(s -> s.create(2, "bootstrap", "hash-d", "…d", READ));

    run(s -> s.revokeNamed(1, "bootstrap"));

    assertEquals(List.of("ci"), read(s -> s.list(1).stream().filter(Token::isActive).map(Token::name).toList()));
    assertTrue((boolean) read(s -> s.findActive("hash-d")).isPresent(), "another portal's token was revoked");
  }

  @Test
  void aPortalsTokensAreListedAndPagedInIdOrder() {
    List<Long> ids = List.of(
        in(s -> s.create(1, "a", "hash-a", "…a", READ)).id(),
        in(s -> s.create(2, "other", "hash-x", "…x", READ)).id(),
        in(s -> s.create(1, "b", "hash-b", "…b", READ)).id(),
        in(s -> s.create(1, "c", "hash-c", "…c", READ)).id());

    assertEquals(List.of("a", "b", "c"), read(s -> s.list(1).stream().map(Token::name).toList()));
    assertEquals(List.of("b"), read(s -> s.list(1, ids.get(0), 1).stream().map(Token::name).toList()));
    assertEquals(List.of("c"), read(s -> s.list(1, ids.get(2), 10).stream().map(Token::name).toList()));
    assertEquals(List.of(), read(s -> s.list(1, ids.get(3), 10)));
  }
}
