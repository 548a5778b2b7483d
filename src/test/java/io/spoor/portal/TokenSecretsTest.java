package io.spoor.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenSecretsTest {
  private static final String SHAPE =
      "pat-na1-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  @Test
  void newValueHasThePrivateAppShapeWithARandomUuid() {
    String value = TokenSecrets.newValue();

    assertTrue(value.matches(SHAPE), value);
    assertEquals(44, value.length());
  }

  @Test
  void newValuesDiffer() {
    assertNotEquals(TokenSecrets.newValue(), TokenSecrets.newValue());
  }

  @Test
  void hashIsSixtyFourLowercaseHexCharacters() {
    String hash = TokenSecrets.hash(TokenSecrets.newValue());

    assertTrue(hash.matches("[0-9a-f]{64}"), hash);
  }

  @Test
  void hashIsSha256OfTheUtf8Value() {
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TokenSecrets.hash("abc"));
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", TokenSecrets.hash(""));
  }

  @Test
  void hashIsStable() {
    String value = "pat-na1-11111111-2222-4333-8444-555555555555";

    assertEquals(TokenSecrets.hash(value), TokenSecrets.hash(value));
  }

  @Test
  void differentValuesHashDifferently() {
    assertNotEquals(TokenSecrets.hash("pat-na1-11111111-2222-4333-8444-555555555555"),
        TokenSecrets.hash("pat-na1-11111111-2222-4333-8444-555555555556"));
  }

  @Test
  void hashDoesNotContainTheValue() {
    String value = TokenSecrets.newValue();

    assertFalse(TokenSecrets.hash(value).contains(value.substring(8)));
  }

  @Test
  void sameHashIsTrueOnlyForEqualHashes() {
    String a = TokenSecrets.hash("one");
    String b = TokenSecrets.hash("two");

    assertTrue(TokenSecrets.sameHash(a, TokenSecrets.hash("one")));
    assertFalse(TokenSecrets.sameHash(a, b));
  }

  @Test
  void sameHashIsFalseForAPrefixOrAnEmptyHash() {
    String a = TokenSecrets.hash("one");

    assertFalse(TokenSecrets.sameHash(a, a.substring(0, 63)));
    assertFalse(TokenSecrets.sameHash(a, ""));
    assertFalse(TokenSecrets.sameHash(a, a.toUpperCase()));
  }

  @Test
  void hintShowsOnlyTheLastFourCharacters() {
    String value = "pat-na1-11111111-2222-4333-8444-55555555abcd";

    String hint = TokenSecrets.hint(value);

    assertEquals("\u2026abcd", hint);
    assertFalse(hint.contains("5"));
  }
}
