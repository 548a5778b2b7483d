package io.spoor.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
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
}
