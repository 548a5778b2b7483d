package io.spoor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HitIdsTest {
  @Test
  void anEdgeIdIsThirtyTwoHexDigitsStartingWithTheTime() {
    long now = 1_763_800_000_123L;

    String id = HitIds.timeOrdered(now);

    assertTrue(id.matches("[0-9a-f]{32}"), id);
    assertEquals(now, Long.parseLong(id.substring(0, 12), 16));
  }

  @Test
  void edgeIdsSortByTimeAndDifferWithinOneMillisecond() {
    String earlier = HitIds.timeOrdered(1_000);
    String later = HitIds.timeOrdered(1_001);

    assertTrue(earlier.compareTo(later) < 0, earlier + " " + later);
    assertNotEquals(HitIds.timeOrdered(1_000), HitIds.timeOrdered(1_000));
  }

  @Test
  void aClientKeyGivesTheSameIdWithinAPortalAndAnotherInAnotherPortal() {
    assertEquals(HitIds.ofKey("order-17", 1, 5), HitIds.ofKey("order-17", 1, 9));
    assertNotEquals(HitIds.ofKey("order-17", 1, 5), HitIds.ofKey("order-17", 2, 5));
  }

  @Test
  void onlyIdsMadeAtTheEdgeAreToldApartFromIdsDerivedFromAClientKey() {
    assertTrue(HitIds.madeAtEdge(HitIds.timeOrdered(1_763_800_000_123L)));
    assertFalse(HitIds.madeAtEdge(HitIds.ofKey("order-17", 1, 5)));
    assertFalse(HitIds.madeAtEdge("0123456789abcdef0123456789abcdeg"));
    assertFalse(HitIds.madeAtEdge("h1"));
  }

  @Test
  void keptParametersHideCredentialsWhateverTheirCase() {
    assertEquals("_a=1&HapiKey=[redacted]&x=2&ACCESS_TOKEN=[redacted]",
        HitIds.bounded("_a=1&HapiKey=secret&x=2&ACCESS_TOKEN=t0k"));
    assertEquals("hapikey=[redacted]&_n=e", HitIds.bounded("hapikey=&_n=e"));
  }

  @Test
  void keptParametersWithoutACredentialAreKeptAsTheyCame() {
    String raw = "_a=1&email=a%40b.co&myhapikey=1&access_tokens=2&h=access_token";

    assertEquals(raw, HitIds.bounded(raw));
  }
}
