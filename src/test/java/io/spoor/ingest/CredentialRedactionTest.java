package io.spoor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Kept raw parameters never show a credential, however its name is encoded or nested. */
class CredentialRedactionTest {
  private static final String SECRET = "pat-na1-11111111-2222-3333-4444-555555555555";

  @Test
  void aPercentEncodedCredentialNameIsRedacted() {
    for (String name : List.of("hapi%6Bey", "HAPIKEY", "%68%61%70%69%6b%65%79", "access%5Ftoken", "hapikey%20",
        "hapi%256Bey")) {
      String kept = HitIds.bounded("k=1&a=1&" + name + "=" + SECRET + "&pu=https%3A%2F%2Fexample.com%2F");
      assertFalse(kept.contains(SECRET), name + ": " + kept);
      assertTrue(kept.contains("pu=https%3A%2F%2Fexample.com%2F"), kept);
    }
  }

  @Test
  void aCredentialInsideTheIdentifyPayloadIsRedactedAndTheRestKept() {
    String kept = HitIds.bounded("k=1&a=1&i=email%3Dada%2540example.com%26hapikey%3D" + SECRET + "&vi=abc");
    assertFalse(kept.contains(SECRET), kept);
    assertTrue(kept.contains("ada%2540example.com") && kept.contains("vi=abc"), kept);
    String twice = HitIds.bounded("k=1&i=email%253Dada%2526hapi%25256Bey%253D" + SECRET);
    assertFalse(twice.contains(SECRET), twice);
  }

  @Test
  void aCredentialAsAJsonKeyIsRedacted() {
    String kept = HitIds.bounded("{\"eventName\":\"pe1_x\",\"properties\":{\"HapiKey\":\"" + SECRET + "\",\"a\":1}}");
    assertFalse(kept.contains(SECRET), kept);
    assertTrue(kept.contains("\"a\":1"), kept);
  }

  @Test
  void parametersWithoutACredentialAreKeptAsTheyCame() {
    for (String raw : List.of("k=1&a=1&pu=%zz&x=%E2%82%AC", "_a=1&_n=signup&email=a%40b.com", "hapikey", "")) {
      assertEquals(raw, HitIds.bounded(raw));
    }
    assertTrue(HitIds.bounded("k=1&note=" + "hapikey".toUpperCase(Locale.ROOT)).endsWith("HAPIKEY"));
  }
}
