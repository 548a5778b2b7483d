package io.spoor.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Segment's event time, from the client's timestamp, its sentAt and the time received. */
class MessageTimeTest {
  private static final long RECEIVED = Instant.parse("2024-06-01T12:00:10Z").toEpochMilli();

  @Test
  void sentAtCorrectsTheClientsClockSkew() {
    // the client's clock is an hour behind: it happened 5 s before it was sent
    JsonObject message = new JsonObject().put("timestamp", "2024-06-01T11:00:00Z").put("sentAt", "2024-06-01T11:00:05Z");
    assertEquals(RECEIVED - 5_000, MessageTime.of(message, null, RECEIVED));
  }

  @Test
  void theBatchsSentAtServesAMessageWithoutItsOwn() {
    JsonObject message = new JsonObject().put("timestamp", "2024-06-01T11:00:00Z");
    assertEquals(RECEIVED - 5_000, MessageTime.of(message, "2024-06-01T11:00:05Z", RECEIVED));
  }

  @Test
  void originalTimestampIsTheClientsTimeWhenPresent() {
    JsonObject message = new JsonObject().put("originalTimestamp", "2024-06-01T11:00:02Z")
        .put("timestamp", "2024-06-01T11:00:00Z").put("sentAt", "2024-06-01T11:00:05Z");
    assertEquals(RECEIVED - 3_000, MessageTime.of(message, null, RECEIVED));
  }

  @Test
  void withoutSentAtTheGivenTimestampIsTheTime() {
    JsonObject message = new JsonObject().put("timestamp", "2023-01-02T03:04:05.678+01:00");
    assertEquals(Instant.parse("2023-01-02T02:04:05.678Z").toEpochMilli(), MessageTime.of(message, null, RECEIVED));
  }

  @Test
  void withoutTimestampTheTimeReceivedIsTheTime() {
    assertEquals(RECEIVED, MessageTime.of(new JsonObject().put("sentAt", "2024-06-01T11:00:05Z"), null, RECEIVED));
  }

  @Test
  void aTimestampThatDoesNotParseCountsAsAbsent() {
    JsonObject message = new JsonObject().put("timestamp", "yesterday").put("sentAt", "2024-06-01T11:00:05Z");
    assertEquals(RECEIVED, MessageTime.of(message, null, RECEIVED));
    JsonObject badSentAt = new JsonObject().put("timestamp", "2024-06-01T11:00:00Z").put("sentAt", 17);
    assertEquals(Instant.parse("2024-06-01T11:00:00Z").toEpochMilli(), MessageTime.of(badSentAt, null, RECEIVED));
  }

  @Test
  void aTimeWithoutOffsetIsTakenAsUtc() {
    assertEquals(Instant.parse("2024-06-01T11:00:00.123456Z").toEpochMilli(),
        MessageTime.parse("2024-06-01T11:00:00.123456").getAsLong());
  }
}
