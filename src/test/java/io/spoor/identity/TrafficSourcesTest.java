package io.spoor.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Classifications kept for the pages and referrers seen most answer as classifying afresh does. */
class TrafficSourcesTest {
  private static final List<List<String>> CLUES = List.of(
      List.of("https://www.example.com/", ""),
      List.of("https://www.example.com/pricing?utm_source=newsletter&utm_medium=email&utm_campaign=may", ""),
      List.of("https://www.example.com/", "https://www.google.com/search?q=spoor"),
      List.of("https://www.example.com/?gclid=abcdefghijklmnop", ""),
      List.of("https://www.example.com/docs", "https://www.example.com/blog"),
      List.of("https://www.example.com/docs", "https://news.ycombinator.com/item?id=1"),
      List.of("https://www.example.com/" + "x".repeat(TrafficSources.MAX_KEPT_CHARS), "https://t.co/abc"));

  @Test
  void aKeptClassificationIsTheOneClassifyingAfreshGives() {
    TrafficSources sources = new TrafficSources(100);
    for (int round = 0; round < 2; round++) {
      for (List<String> c : CLUES) {
        assertEquals(TrafficSource.classify(c.get(0), c.get(1), List.of()), sources.classify(c.get(0), c.get(1),
            List.of()), c.toString());
      }
    }
  }

  @Test
  void thePortalsOwnDomainsArePartOfWhatIsKept() {
    TrafficSources sources = new TrafficSources(100);
    String page = "https://www.example.com/docs";
    String referrer = "https://shop.example.net/cart";

    Optional<Source> elsewhere = sources.classify(page, referrer, List.of());
    Optional<Source> own = sources.classify(page, referrer, List.of("example.net"));

    assertEquals(SourceType.REFERRALS, elsewhere.orElseThrow().type());
    assertEquals(Optional.empty(), own, "a referrer on the portal's own domain brings no new source");
  }
}
