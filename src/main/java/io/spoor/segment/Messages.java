package io.spoor.segment;

import io.spoor.ingest.HitIds;
import io.spoor.ingest.RejectReason;
import io.spoor.ingest.SegmentHit;
import io.vertx.core.json.JsonObject;

/** Messages of the Tracking API made hits, and the rules a single call's message must meet. */
final class Messages {
  private Messages() {
  }

  /**
   * The message as a hit: {@code sentAt} and {@code writeKey} taken out (they differ between two
   * deliveries of one message), its type set, its id its {@code messageId} within the portal.
   */
  static SegmentHit hit(long hubId, String type, JsonObject message, Object batchSentAt, long receivedAt) {
    long timestamp = MessageTime.of(message, batchSentAt, receivedAt);
    message.remove(ApiFields.SENT_AT);
    message.remove(ApiFields.WRITE_KEY);
    message.put(ApiFields.TYPE, type);
    String text = message.encode();
    String messageId = message.getValue(ApiFields.MESSAGE_ID) instanceof String id ? id : null;
    return new SegmentHit(HitIds.ofKey(messageId, hubId, receivedAt), hubId, receivedAt, type, text, timestamp,
        HitIds.bounded(text));
  }

  /** A batch element the edge could not take, logged so that the applier rejects it with {@code reason}. */
  static SegmentHit invalid(long hubId, RejectReason reason, String detail, String raw, long receivedAt) {
    String text = new JsonObject().put("reason", reason.name()).put("detail", detail).encode();
    return new SegmentHit(HitIds.timeOrdered(receivedAt), hubId, receivedAt, ApiFields.INVALID, text, receivedAt,
        HitIds.bounded(raw));
  }

  /**
   * The element with the batch's shared {@code context} and {@code integrations} merged in: key
   * by key, the element's own keys win.
   */
  static JsonObject withShared(JsonObject element, JsonObject batch) {
    for (String key : new String[] {ApiFields.CONTEXT, ApiFields.INTEGRATIONS}) {
      if (batch.getValue(key) instanceof JsonObject shared) {
        Object own = element.getValue(key);
        if (own == null) {
          element.put(key, shared.copy());
        } else if (own instanceof JsonObject ownObject) {
          element.put(key, shared.copy().mergeIn(ownObject));
        }
      }
    }
    return element;
  }
}
