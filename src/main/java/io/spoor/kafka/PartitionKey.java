package io.spoor.kafka;

import io.spoor.ingest.BeaconHit;
import io.spoor.ingest.EventApiHit;
import io.spoor.ingest.Hit;
import io.spoor.ingest.SegmentHit;
import io.spoor.ingest.SentEventHit;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Optional;

/**
 * The key a hit is sent to Kafka under. Kafka puts the records of one key on one partition, and
 * one processor applies a partition in order, so the hits of one key are applied in the order
 * they were acknowledged. The key is the portal and the browser or person the hit is about, the
 * most stable identity the hit carries: the visitor token (the {@code hubspotutk} cookie) first,
 * since one browser's page views, events and identify calls must stay in order and all carry
 * it; else the email; else the contact id; for Segment calls the {@code anonymousId} (one
 * device), else the {@code userId}; a hit with none of these goes under its own id (any
 * partition). Hits of one contact that arrive under two keys (a browser's token and a server's
 * email) may be applied in either order; the store's unique lookups join them.
 */
final class PartitionKey {
  private PartitionKey() {
  }

  static String of(Hit hit) {
    return hit.hubId() + "/" + who(hit).orElse("id:" + hit.id());
  }

  private static Optional<String> who(Hit hit) {
    if (hit instanceof BeaconHit beacon) {
      // "vi": the tracker's visitor token parameter
      return beacon.param("vi").filter(v -> !v.isBlank()).map(v -> "utk:" + v);
    }
    if (hit instanceof EventApiHit event) {
      return event.email().map(PartitionKey::email);
    }
    if (hit instanceof SentEventHit sent) {
      return sent.utk().map(v -> "utk:" + v).or(() -> sent.email().map(PartitionKey::email))
          .or(() -> sent.objectId().map(id -> "contact:" + id));
    }
    if (hit instanceof SegmentHit segment) {
      return segmentId(segment.message());
    }
    return Optional.empty();
  }

  private static String email(String email) {
    return "email:" + email.trim().toLowerCase(Locale.ROOT);
  }

  private static Optional<String> segmentId(String message) {
    try {
      JsonObject json = new JsonObject(message);
      return text(json, "anonymousId").map(v -> "anonymous:" + v).or(() -> text(json, "userId").map(v -> "user:" + v));
    } catch (DecodeException | ClassCastException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> text(JsonObject json, String field) {
    Object value = json.getValue(field);
    return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString());
  }
}
