package io.spoor.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.events.BehavioralEvents;
import io.spoor.events.CompletionStore.CompletedEvent;
import io.spoor.events.EventDefinitions;
import io.spoor.events.EventDetails;
import io.spoor.forward.ForwardCall;
import io.spoor.ingest.RejectReason;
import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** track → event: each rule of the reference's "track → event", one test each. */
@ExtendWith(TempStore.class)
class TrackMappingTest {
  private static final long AT = SegmentFixture.NOW - 60_000;
  private SegmentFixture segment;

  @BeforeEach
  void open(Database db) {
    segment = new SegmentFixture(db);
  }

  private static String track(String event, String rest) {
    return "{\"type\":\"track\",\"userId\":\"u1\",\"timestamp\":" + AT + ",\"event\":\"" + event + "\"" + rest + "}";
  }

  @Test
  void trackCompletesAnEventByNameMadeDynamicallyAtTheEventsTime() {
    segment.apply(track("Order Completed", ",\"properties\":{\"email\":\"a@example.com\"}"));
    List<CompletedEvent> events = segment.events("a@example.com");
    assertEquals(1, events.size());
    assertEquals("Order Completed", events.get(0).eventName());
    assertEquals(AT, events.get(0).occurredAt());
  }

  @Test
  void aDeletedEventNameStaysDead(Database db) {
    segment.apply(track("Gone", ",\"properties\":{\"email\":\"a@example.com\"}"));
    long id = segment.db.read(() -> segment.definitions.findLiveByName(SegmentFixture.HUB, "Gone")).orElseThrow().id();
    new EventDefinitions(db, segment.definitions, Clock.systemUTC()).delete(SegmentFixture.HUB, id);
    segment.apply(track("Gone", ",\"properties\":{\"email\":\"a@example.com\"}"));
    assertEquals(RejectReason.DELETED_EVENT_NAME, segment.rejection().reason());
    assertTrue(segment.db.read(() -> segment.definitions.findLiveByName(SegmentFixture.HUB, "Gone")).isEmpty());
  }

  @Test
  void aRejectedTrackIsKeptWithTheTimeItWasReceivedNotTheEventsTime() {
    segment.portals.setCustomEventsEnabled(SegmentFixture.HUB, false);
    segment.apply(track("Paid", ",\"properties\":{\"email\":\"a@example.com\"}"));
    assertEquals(RejectReason.CUSTOM_EVENTS_DISABLED, segment.rejection().reason());
    assertEquals(SegmentFixture.NOW, segment.rejection().receivedAt());
  }

  @Test
  void revenueComesFromPropertiesRevenueElseValueElseTotal() {
    segment.apply(track("Paid", ",\"properties\":{\"email\":\"a@example.com\",\"revenue\":12.5,\"value\":99}"),
        track("Paid", ",\"properties\":{\"email\":\"b@example.com\",\"value\":7,\"total\":99}"),
        track("Paid", ",\"properties\":{\"email\":\"c@example.com\",\"total\":3.25}"));
    assertEquals(OptionalLong.of(12_500_000), segment.events("a@example.com").get(0).valueMicros());
    assertEquals(OptionalLong.of(7_000_000), segment.events("b@example.com").get(0).valueMicros());
    assertEquals(OptionalLong.of(3_250_000), segment.events("c@example.com").get(0).valueMicros());
    assertEquals(3_250_000, segment.contact("c@example.com").analytics().revenueMicros());
  }

  @Test
  void contextTraitsAreSetAsContactPropertiesByTheKeyRules() {
    segment.apply(track("Viewed", ",\"context\":{\"traits\":{\"email\":\"a@example.com\",\"first_name\":\" Ada \","
        + "\"lifecycle_stage\":\"Customer\"}}"));
    Map<String, String> p = segment.properties("a@example.com");
    assertEquals("Ada", p.get("firstname"));
    assertEquals("customer", p.get("lifecyclestage"));
  }

  @Test
  void aUserIdTiedByIdentifyReachesTheContactAlone() {
    segment.apply("{\"type\":\"identify\",\"userId\":\"u1\",\"traits\":{\"email\":\"a@example.com\"}}",
        track("Clicked", ""));
    assertEquals(1, segment.events("a@example.com").size());
  }

  @Test
  void anAnonymousIdTiedByIdentifyReachesTheContactAlone() {
    segment.apply("{\"type\":\"identify\",\"anonymousId\":\"anon-1\",\"traits\":{\"email\":\"a@example.com\"}}");
    segment.apply("{\"type\":\"track\",\"anonymousId\":\"anon-1\",\"event\":\"Clicked\"}");
    assertEquals(1, segment.events("a@example.com").size());
  }

  @Test
  void aTrackWithAnEmailTiesItsIdsToTheContact() {
    segment.apply(track("First", ",\"properties\":{\"email\":\"a@example.com\"}"), track("Second", ""));
    assertEquals(2, segment.events("a@example.com").size());
  }

  @Test
  void aTrackWithoutEmailByAnUnknownUserIsRejected() {
    segment.apply(track("Clicked", ""));
    assertEquals(RejectReason.UNKNOWN_SEGMENT_USER, segment.rejection().reason());
  }

  @Test
  void aBehaviouralEventsInternalNameGoesToThatEventWithItsProperties(Database db) {
    new BehavioralEvents(db, segment.definitions, segment.details, Clock.systemUTC()).create(SegmentFixture.HUB,
        Optional.of("signed_up"), new EventDetails("Signed up", "", List.of(new EventDetails.EventProperty("plan",
            "Plan", "string"))));
    segment.apply(track("pe1_signed_up", ",\"properties\":{\"email\":\"a@example.com\",\"plan\":\"pro\"}"));
    CompletedEvent event = segment.events("a@example.com").get(0);
    assertEquals("pe1_signed_up", event.eventName());
    assertEquals("pro", event.properties().get("plan"));
    assertEquals(AT, event.occurredAt());
  }

  @Test
  void aBehaviouralNameIsMatchedLowerCasedWithSpacesAndDotsAsUnderscores(Database db) {
    new BehavioralEvents(db, segment.definitions, segment.details, Clock.systemUTC()).create(SegmentFixture.HUB,
        Optional.of("signed_up"), new EventDetails("Signed up", "", List.of()));
    segment.apply(track("PE1_Signed Up", ",\"properties\":{\"email\":\"a@example.com\"}"));
    assertEquals("pe1_signed_up", segment.events("a@example.com").get(0).eventName());
  }

  @Test
  void anUndefinedBehaviouralNameIsRejected() {
    segment.apply(track("pe1_nothing", ",\"properties\":{\"email\":\"a@example.com\"}"));
    assertEquals(RejectReason.UNKNOWN_BEHAVIORAL_EVENT, segment.rejection().reason());
  }

  @Test
  void trackQueuesAnEventCallWithItsValueAndContactProperties() {
    segment.apply(track("Paid", ",\"properties\":{\"email\":\"a@example.com\",\"revenue\":5},"
        + "\"context\":{\"traits\":{\"firstName\":\"Ada\"}}"));
    assertEquals(List.of(new ForwardCall.TrackEvent("Paid", "a@example.com", Optional.of("5"),
        Map.of("firstname", "Ada"), AT)), segment.outbox);
  }

  @Test
  void aBehaviouralTrackQueuesASendWithTheHitIdAsItsUuid(Database db) {
    new BehavioralEvents(db, segment.definitions, segment.details, Clock.systemUTC()).create(SegmentFixture.HUB,
        Optional.of("signed_up"), new EventDetails("Signed up", "", List.of()));
    io.spoor.ingest.SegmentHit hit = SegmentFixture.hit(track("pe1_signed_up",
        ",\"properties\":{\"email\":\"a@example.com\"}"));
    segment.apply(hit);
    ForwardCall.SendBehavioralEvent sent = (ForwardCall.SendBehavioralEvent) segment.outbox.get(0);
    assertEquals(hit.id(), sent.uuid());
    assertEquals("pe1_signed_up", sent.eventName());
  }
}
