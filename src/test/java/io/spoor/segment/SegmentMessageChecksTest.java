package io.spoor.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.ingest.Outcome;
import io.spoor.ingest.RejectReason;
import io.spoor.ingest.Rejection;
import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The applier checks each message itself (the edge logs a batch's bad members too): what it
 * cannot map is rejected with its reason and raw message, and the good messages of the same
 * batch are applied.
 */
@ExtendWith(TempStore.class)
class SegmentMessageChecksTest {
  private SegmentFixture segment;

  @BeforeEach
  void open(Database db) {
    segment = new SegmentFixture(db);
  }

  private Rejection rejected(String message) {
    segment.apply(message);
    Rejection rejection = segment.rejection();
    assertEquals(Outcome.NOT_APPLIED, rejection.outcome());
    assertEquals(message, rejection.params());
    return rejection;
  }

  @Test
  void aMessageThatTurnsHubSpotOffIsNeitherAppliedNorForwardedAndIsKeptAsRejected() {
    String off = "{\"type\":\"identify\",\"userId\":\"u1\",\"traits\":{\"email\":\"a@example.com\"},"
        + "\"integrations\":{\"HubSpot\":false}}";
    assertEquals(RejectReason.HUBSPOT_INTEGRATION_OFF, rejected(off).reason());
    assertTrue(segment.findContact("a@example.com").isEmpty());
    assertTrue(segment.outbox.isEmpty());
  }

  @Test
  void allOffWithoutHubSpotTurnedOnIsNotAppliedAndHubSpotOnOverridesAll() {
    segment.apply("{\"type\":\"identify\",\"userId\":\"u1\",\"traits\":{\"email\":\"a@example.com\"},"
            + "\"integrations\":{\"All\":false}}",
        "{\"type\":\"identify\",\"userId\":\"u2\",\"traits\":{\"email\":\"b@example.com\"},"
            + "\"integrations\":{\"All\":false,\"HubSpot\":true}}",
        "{\"type\":\"identify\",\"userId\":\"u3\",\"traits\":{\"email\":\"c@example.com\"},"
            + "\"integrations\":{\"All\":false,\"HubSpot\":{\"hubspotutk\":\"0123456789abcdef0123456789abcdef\"}}}");
    assertEquals(RejectReason.HUBSPOT_INTEGRATION_OFF, segment.rejection().reason());
    assertTrue(segment.findContact("a@example.com").isEmpty());
    assertTrue(segment.findContact("b@example.com").isPresent());
    assertTrue(segment.findContact("c@example.com").isPresent());
    assertEquals(2, segment.outbox.size());
  }

  @Test
  void aMessageThatIsNotJsonIsRejected() {
    assertEquals(RejectReason.MALFORMED_SEGMENT_MESSAGE, rejected("{\"type\":\"identify\",").reason());
  }

  @Test
  void aMessageThatIsNotAnObjectIsRejected() {
    assertEquals(RejectReason.MALFORMED_SEGMENT_MESSAGE, rejected("[{\"type\":\"identify\"}]").reason());
  }

  @Test
  void anUnknownTypeIsRejected() {
    assertEquals(RejectReason.UNKNOWN_SEGMENT_TYPE, rejected("{\"type\":\"purchase\",\"userId\":\"u1\"}").reason());
  }

  @Test
  void aMessageWithNeitherUserIdNorAnonymousIdIsRejected() {
    assertEquals(RejectReason.NO_SEGMENT_USER,
        rejected("{\"type\":\"identify\",\"traits\":{\"email\":\"a@example.com\"}}").reason());
    assertTrue(segment.findContact("a@example.com").isEmpty());
  }

  @Test
  void aTrackWithoutAStringEventIsRejected() {
    assertEquals(RejectReason.NO_SEGMENT_EVENT,
        rejected("{\"type\":\"track\",\"userId\":\"u1\",\"event\":42,\"properties\":{\"email\":\"a@example.com\"}}")
            .reason());
  }

  @Test
  void anIdOverTheLimitIsRejected() {
    assertEquals(RejectReason.MALFORMED_SEGMENT_MESSAGE, rejected("{\"type\":\"identify\",\"userId\":\""
        + "u".repeat(SegmentMessage.MAX_ID + 1) + "\",\"traits\":{\"email\":\"a@example.com\"}}").reason());
  }

  @Test
  void aBatchWithOneBadMessageKeepsTheGoodOnes() {
    segment.apply("{\"type\":\"identify\",\"userId\":\"u1\",\"traits\":{\"email\":\"a@example.com\"}}",
        "{\"type\":\"nonsense\"}",
        "{\"type\":\"identify\",\"userId\":\"u2\",\"traits\":{\"email\":\"b@example.com\"}}");
    assertTrue(segment.findContact("a@example.com").isPresent());
    assertTrue(segment.findContact("b@example.com").isPresent());
    assertEquals(RejectReason.UNKNOWN_SEGMENT_TYPE, segment.rejection().reason());
  }

  @Test
  void aliasJoinsPreviousIdToTheUserIdsContact() {
    segment.apply("{\"type\":\"identify\",\"userId\":\"u1\",\"traits\":{\"email\":\"a@example.com\"}}");
    segment.apply("{\"type\":\"alias\",\"userId\":\"u1\",\"previousId\":\"anon-old\"}");
    segment.apply("{\"type\":\"track\",\"anonymousId\":\"anon-old\",\"event\":\"Clicked\"}");
    assertEquals(1, segment.events("a@example.com").size());
  }

  @Test
  void aliasJoinsTheUserIdToThePreviousIdsContact() {
    segment.apply("{\"type\":\"identify\",\"anonymousId\":\"anon-1\",\"traits\":{\"email\":\"a@example.com\"}}",
        "{\"type\":\"alias\",\"userId\":\"u-new\",\"previousId\":\"anon-1\"}",
        "{\"type\":\"track\",\"userId\":\"u-new\",\"event\":\"Clicked\"}");
    assertEquals(1, segment.events("a@example.com").size());
  }

  @Test
  void anAliasOfTwoUnknownIdsIsRejected() {
    assertEquals(RejectReason.UNKNOWN_SEGMENT_USER,
        rejected("{\"type\":\"alias\",\"userId\":\"u9\",\"previousId\":\"p9\"}").reason());
  }

  @Test
  void anAliasWithoutPreviousIdIsRejected() {
    assertEquals(RejectReason.MALFORMED_SEGMENT_MESSAGE, rejected("{\"type\":\"alias\",\"userId\":\"u9\"}").reason());
  }
}
