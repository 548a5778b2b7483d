package io.spoor.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DomainHashTest {

  @Test
  void domainHashReproducesRealCookies() {
    assertEquals(9267242, DomainHash.of(".twk.de"));
    assertEquals(226818242, DomainHash.of(".uniorg.de"));
    assertEquals(123240596, DomainHash.of(".xe.com"));
  }

  @Test
  void emptyInputHashesToZero() {
    assertEquals(0, DomainHash.of(""));
  }

  @Test
  void nonAsciiInputStaysNonNegative() {
    assertEquals(true, DomainHash.of(".bücher.example\uffff\uffff") >= 0);
  }

  @Test
  void hostWithMoreThanTwoLabelsIsHashedWithoutItsFirstLabel() {
    assertEquals(".twk.de", DomainHash.hashedInput("www.twk.de", Optional.empty()));
    assertEquals(9267242, DomainHash.forHost("www.twk.de", Optional.empty()));
  }

  @Test
  void hostWithTwoLabelsIsHashedWithALeadingDot() {
    assertEquals(".xe.com", DomainHash.hashedInput("xe.com", Optional.empty()));
    assertEquals(123240596, DomainHash.forHost("XE.com", Optional.empty()));
  }

  @Test
  void cookieDomainIsHashedInsteadOfTheHost() {
    assertEquals(".uniorg.de", DomainHash.hashedInput("a.b.uniorg.de", Optional.of("uniorg.de")));
    assertEquals(226818242, DomainHash.forHost("a.b.uniorg.de", Optional.of(".uniorg.de")));
  }

  @Test
  void ipAddressIsHashedAsItIs() {
    assertEquals("127.0.0.1", DomainHash.hashedInput("127.0.0.1", Optional.empty()));
  }

  @Test
  void shortestConfiguredCookieDomainThatSuffixesTheHostIsChosen() {
    List<String> configured = List.of(".b.example.com", "example.com", "other.com");
    assertEquals(Optional.of("example.com"), DomainHash.cookieDomain("a.b.example.com", configured));
  }

  @Test
  void cookieDomainMustEndAtALabelBoundary() {
    assertEquals(Optional.empty(), DomainHash.cookieDomain("notexample.com", List.of("example.com")));
  }

  @Test
  void cookieDomainMayBeTheHostItself() {
    assertEquals(Optional.of("example.com"), DomainHash.cookieDomain("example.com", List.of(".example.com")));
  }

  @Test
  void noMatchingCookieDomainMeansHostOnlyCookies() {
    assertEquals(Optional.empty(), DomainHash.cookieDomain("www.twk.de", List.of("xe.com")));
  }
}
