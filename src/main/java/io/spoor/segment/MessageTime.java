package io.spoor.segment;

import io.vertx.core.json.JsonObject;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/**
 * Segment's event time: {@code receivedAt - (sentAt - timestamp)} when the client sent
 * {@code sentAt} (corrects the client's clock skew), else the client's timestamp, else the time
 * received. The client's timestamp is {@code originalTimestamp} when present (analytics-node
 * sends it), else {@code timestamp}. A time that does not parse as ISO-8601 counts as absent.
 */
final class MessageTime {
  private MessageTime() {
  }

  /** Epoch ms; {@code batchSentAt} is the batch's {@code sentAt}, used when the message has none. */
  static long of(JsonObject message, Object batchSentAt, long receivedAt) {
    OptionalLong client = parse(message.getValue(ApiFields.ORIGINAL_TIMESTAMP));
    if (client.isEmpty()) {
      client = parse(message.getValue(ApiFields.TIMESTAMP));
    }
    if (client.isEmpty()) {
      return receivedAt;
    }
    OptionalLong sentAt = parse(message.getValue(ApiFields.SENT_AT));
    if (sentAt.isEmpty()) {
      sentAt = parse(batchSentAt);
    }
    return sentAt.isPresent() ? receivedAt - (sentAt.getAsLong() - client.getAsLong()) : client.getAsLong();
  }

  /** An ISO-8601 date-time as epoch ms; one without an offset is taken as UTC (Python's naive isoformat). */
  static OptionalLong parse(Object value) {
    if (!(value instanceof String text) || text.isBlank()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(OffsetDateTime.parse(text.trim()).toInstant().toEpochMilli());
    } catch (DateTimeParseException withoutOffset) {
      try {
        return OptionalLong.of(LocalDateTime.parse(text.trim()).toInstant(ZoneOffset.UTC).toEpochMilli());
      } catch (DateTimeParseException e) {
        return OptionalLong.empty();
      }
    }
  }
}
