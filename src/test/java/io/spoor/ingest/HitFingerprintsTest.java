package io.spoor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.spoor.http.Param;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a fingerprint tells apart: the content of a hit, not when or how it was delivered. */
class HitFingerprintsTest {
  private static final long AT = 1_783_669_943_308L;

  @Test
  void aSentEventsDefaultedTimeIsNotPartOfItButATimeTheSenderGaveIs() {
    assertEquals(HitFingerprints.of(sent("id-1", AT, AT)), HitFingerprints.of(sent("id-2", AT + 9_000, AT + 9_000)));
    assertNotEquals(HitFingerprints.of(sent("id-1", AT, AT - 60_000)),
        HitFingerprints.of(sent("id-1", AT, AT - 120_000)));
  }

  @Test
  void anEventsApiHitDiffersByEveryValueItCarries() {
    EventApiHit base = api(Optional.of("a@example.com"), Optional.empty(), List.of(new Param("firstname", "Ada")));
    assertNotEquals(HitFingerprints.of(base),
        HitFingerprints.of(api(Optional.of("b@example.com"), Optional.empty(), base.properties())));
    assertNotEquals(HitFingerprints.of(base),
        HitFingerprints.of(api(base.email(), Optional.of("5"), base.properties())));
    assertNotEquals(HitFingerprints.of(base),
        HitFingerprints.of(api(base.email(), Optional.empty(), List.of(new Param("firstname", "Bea")))));
    assertNotEquals(HitFingerprints.of(base),
        HitFingerprints.of(api(base.email(), Optional.empty(), List.of(new Param("firstnam", "eAda")))));
  }

  @Test
  void theSameHitUnderAnotherIdKeepsEverythingElse() {
    Hit hit = sent("id-1", AT, AT - 5);
    Hit moved = HitFingerprints.withId(hit, "id-2");
    assertEquals("id-2", moved.id());
    assertEquals(hit, HitFingerprints.withId(moved, "id-1"));
  }

  private static SentEventHit sent(String id, long receivedAt, long occurredAt) {
    return new SentEventHit(id, 1, receivedAt, "pe1_signup", Optional.empty(), Optional.of("a@example.com"),
        Optional.empty(), occurredAt, Map.of("plan", "pro", "seats", "3"), "{}");
  }

  private static EventApiHit api(Optional<String> email, Optional<String> revenue, List<Param> properties) {
    return new EventApiHit("id", 1, AT, "signup", email, revenue, Optional.empty(), properties, List.of(), "");
  }
}
