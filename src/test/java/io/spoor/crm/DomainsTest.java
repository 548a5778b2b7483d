package io.spoor.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DomainsTest {
  @Test
  void urlsAndHostNamesOfOneSiteNameOneDomain() {
    for (String raw : List.of("example.com", " Example.COM ", "www.example.com", "https://www.example.com/about?x=1",
        "http://user@example.com:8080", "example.com.", "//example.com#top")) {
      assertEquals(Optional.of("example.com"), Domains.normalize(raw), raw);
    }
  }

  @Test
  void subdomainsOtherThanWwwAreKept() {
    assertEquals(Optional.of("shop.example.co.uk"), Domains.normalize("HTTPS://Shop.Example.co.uk/"));
    assertEquals(Optional.of("www.com"), Domains.normalize("www.com"));
  }

  @Test
  void internationalNamesAreStoredInTheirAsciiForm() {
    assertEquals(Optional.of("xn--bcher-kva.example"), Domains.normalize("Bücher.example"));
  }

  @Test
  void textThatNamesNoHostIsRefused() {
    for (String raw : List.of("", "not a domain", "localhost", "https://", "exa_mple.com", "-bad.example")) {
      assertEquals(Optional.empty(), Domains.normalize(raw), raw);
    }
  }
}
