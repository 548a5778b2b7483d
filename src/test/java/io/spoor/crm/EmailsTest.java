package io.spoor.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EmailsTest {

  private static void assertRefused(String raw) {
    assertEquals(Optional.empty(), Emails.normalize(raw), "should be refused: " + raw);
  }

  private static void assertAccepted(String expected, String raw) {
    assertEquals(Optional.of(expected), Emails.normalize(raw), "should be accepted: " + raw);
  }

  @Test
  void caseAndSurroundingWhitespaceAreNormalised() {
    assertAccepted("jane.doe@example.com", "  Jane.Doe@Example.COM \n");
    assertAccepted("jane@example.com", "\tjane@example.com");
  }

  @Test
  void commonAddressShapesAreAccepted() {
    assertAccepted("a+tag@sub.example.co.uk", "a+tag@sub.example.co.uk");
    assertAccepted("first_last-1@x-y.io", "first_last-1@x-y.io");
    assertAccepted("o'brien@example.ie", "O'Brien@example.ie");
    assertAccepted("123@456.example", "123@456.example");
  }

  @Test
  void apostropheAndHyphensAreLegalLocalPartCharacters() {
    // valid by RFC 5322: refusing it would refuse real addresses, and SQL is kept out by bound
    // parameters, not by the address check
    assertAccepted("a'--@x.com", "a'--@x.com");
  }

  @Test
  void emptyOrBlankIsRefused() {
    assertRefused("");
    assertRefused("   ");
  }

  @Test
  void addressWithoutAtIsRefused() {
    assertRefused("jane.example.com");
  }

  @Test
  void addressWithTwoAtsIsRefused() {
    assertRefused("jane@doe@example.com");
  }

  @Test
  void addressWithEmptyLocalPartOrDomainIsRefused() {
    assertRefused("@example.com");
    assertRefused("jane@");
  }

  @Test
  void doubleDotsAreRefused() {
    assertRefused("jane..doe@example.com");
    assertRefused("jane@example..com");
  }

  @Test
  void dotsAtTheEdgesOfTheLocalPartAreRefused() {
    assertRefused(".jane@example.com");
    assertRefused("jane.@example.com");
  }

  @Test
  void dotsAtTheEdgesOfTheDomainAreRefused() {
    assertRefused("jane@.example.com");
    assertRefused("jane@example.com.");
  }

  @Test
  void domainWithoutTopLevelDomainIsRefused() {
    assertRefused("jane@localhost");
    assertRefused("jane@example.c");
    assertRefused("jane@10.0.0.1");
  }

  @Test
  void domainLabelsMayNotStartOrEndWithAHyphen() {
    assertRefused("jane@-example.com");
    assertRefused("jane@example-.com");
  }

  @Test
  void spacesInsideAreRefused() {
    assertRefused("jane doe@example.com");
    assertRefused("jane@exam ple.com");
    assertRefused("jane @example.com");
  }

  @Test
  void localPartOfSixtyFourCharactersIsAcceptedAndLongerIsRefused() {
    assertAccepted("a".repeat(64) + "@example.com", "a".repeat(64) + "@example.com");
    assertRefused("a".repeat(65) + "@example.com");
  }

  @Test
  void domainLabelLongerThanSixtyThreeCharactersIsRefused() {
    assertAccepted("jane@" + "b".repeat(63) + ".com", "jane@" + "b".repeat(63) + ".com");
    assertRefused("jane@" + "b".repeat(64) + ".com");
  }

  @Test
  void addressLongerThan254CharactersIsRefused() {
    String domain = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".com";
    String longest = "a".repeat(254 - domain.length() - 1) + "@" + domain;

    assertEquals(254, longest.length());
    assertAccepted(longest, longest);
    assertRefused("a" + longest);
  }

  @Test
  void markupAndQuotingAreRefused() {
    assertRefused("<script>@example.com");
    assertRefused("jane@example.com<script>alert(1)</script>");
    assertRefused("\"jane\"@example.com");
    assertRefused("jane;drop@example.com");
    assertRefused("jane@example.com,eve@example.com");
    assertRefused("Jane <jane@example.com>");
  }

  @Test
  void lineBreaksInsideAreRefused() {
    assertRefused("jane@example.com\nBcc: eve@example.com");
  }

  @Test
  void nonAsciiAddressesAreRefused() {
    assertRefused("jos\u00e9@example.com");
    assertRefused("jane@b\u00fccher.de");
    assertRefused("\uD83D\uDE00@example.com");
  }

  @Test
  void nonAsciiLettersThatLowercaseToAsciiAreRefused() {
    // U+212A KELVIN SIGN lowercases to an ASCII "k": the address must not become kate@example.com
    assertRefused("\u212Aate@example.com");
    assertRefused("jane@wor\u212A.com");
  }

  /** The grammar the class documents, written as one regular expression: an independent check. */
  private static final Pattern GRAMMAR = Pattern.compile(
      "[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
          + "(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\\.[a-z]{2,63}");

  private static boolean grammarAccepts(String raw) {
    String email = raw.trim().toLowerCase(Locale.ROOT);
    return raw.trim().chars().allMatch(c -> c < 0x80) && email.length() <= 254
        && GRAMMAR.matcher(email).matches() && !email.contains("..") && !email.startsWith(".")
        && !email.contains(".@");
  }

  @Test
  void agreesWithTheDocumentedGrammarOnRandomAddresses() {
    Random random = new Random(20261122);
    int accepted = 0;
    for (int n = 0; n < 200_000; n++) {
      // mostly address-shaped, with the characters and places where addresses go wrong
      String candidate = piece(random, "aZ9.-_+'x") + (random.nextInt(8) == 0 ? "" : "@")
          + piece(random, "ab9-.@ ") + (random.nextInt(8) == 0 ? "" : ".") + piece(random, "cO1-é");
      boolean expected = grammarAccepts(candidate);
      accepted += expected ? 1 : 0;
      assertEquals(expected, Emails.normalize(candidate).isPresent(), "disagree on: " + candidate);
    }
    assertTrue(accepted > 500, "the generator should also make valid addresses, made " + accepted);
  }

  private static String piece(Random random, String alphabet) {
    StringBuilder piece = new StringBuilder();
    int length = random.nextInt(5);
    for (int i = 0; i < length; i++) {
      piece.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return piece.toString();
  }

  @Test
  void lengthLimitsOfTheLocalPartLabelsAndWholeAddressHold() {
    String local64 = "a".repeat(64);
    String label63 = "b".repeat(63);
    assertAccepted(local64 + "@example.com", local64 + "@example.com");
    assertRefused(local64 + "a@example.com");
    assertAccepted("jane@" + label63 + ".com", "jane@" + label63 + ".com");
    assertRefused("jane@" + label63 + "b.com");
    assertRefused("jane@example." + "c".repeat(64));
    String long254 = local64 + "@" + (label63 + ".").repeat(2) + "c".repeat(58) + ".io";
    assertEquals(254, long254.length());
    assertAccepted(long254, long254);
    assertRefused(local64 + "@" + (label63 + ".").repeat(2) + "c".repeat(59) + ".io");
  }
}
