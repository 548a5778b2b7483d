package io.spoor.events;

import io.spoor.Ids;
import io.spoor.InvalidInputException;
import io.spoor.ingest.HitIds;
import io.spoor.ingest.SentEventHit;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sent behavioural events, read from the events API's JSON into hits; bad requests are 400. */
final class SentEvents {
  static final int MAX_BATCH = 500;
  private final Clock clock;

  SentEvents(Clock clock) {
    this.clock = clock;
  }

  List<SentEventHit> parseBatch(JsonObject body, long hubId) {
    if (!(body.getValue("inputs") instanceof JsonArray inputs) || inputs.isEmpty() || inputs.size() > MAX_BATCH) {
      throw new InvalidInputException("inputs must be an array of 1 to " + MAX_BATCH + " events");
    }
    List<SentEventHit> hits = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      if (!(inputs.getValue(i) instanceof JsonObject event)) {
        throw new InvalidInputException("inputs[" + i + "] is not an object");
      }
      try {
        hits.add(parse(event, hubId));
      } catch (InvalidInputException e) {
        throw new InvalidInputException("inputs[" + i + "]: " + e.getMessage());
      }
    }
    return hits;
  }

  SentEventHit parse(JsonObject event, long hubId) {
    if (!(event.getValue("eventName") instanceof String name) || name.isBlank()) {
      throw new InvalidInputException("eventName is required");
    }
    Optional<String> utk = text(event, "utk");
    Optional<String> email = text(event, "email");
    Optional<Long> objectId = text(event, "objectId").map(SentEvents::objectId);
    if (utk.isEmpty() && email.isEmpty() && objectId.isEmpty()) {
      throw new InvalidInputException("one of utk, email or objectId is required");
    }
    long now = clock.millis();
    long occurredAt = text(event, "occurredAt").map(SentEvents::instant).orElse(now);
    String id = HitIds.ofKey(text(event, "uuid").orElse(null), hubId, now);
    return new SentEventHit(id, hubId, now, BehavioralEvents.fullyQualified(hubId, name.trim()), utk, email,
        objectId, occurredAt, properties(event), HitIds.bounded(event.encode()));
  }

  private static Map<String, String> properties(JsonObject event) {
    Object raw = event.getValue("properties", new JsonObject());
    if (!(raw instanceof JsonObject properties)) {
      throw new InvalidInputException("properties must be an object");
    }
    Map<String, String> out = new LinkedHashMap<>();
    properties.forEach(e -> {
      if (e.getValue() instanceof JsonObject || e.getValue() instanceof JsonArray) {
        throw new InvalidInputException("property " + e.getKey() + " must be a plain value");
      }
      out.put(e.getKey(), e.getValue() == null ? "" : String.valueOf(e.getValue()));
    });
    return out;
  }

  private static Optional<String> text(JsonObject event, String key) {
    Object value = event.getValue(key);
    return value == null ? Optional.empty() : Optional.of(String.valueOf(value)).filter(s -> !s.isBlank());
  }

  private static long objectId(String raw) {
    return Ids.parse(raw).orElseThrow(() -> new InvalidInputException("objectId must be a contact id"));
  }

  private static long instant(String raw) {
    try {
      return raw.matches("\\d{1,15}") ? Long.parseLong(raw) : Instant.parse(raw).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("occurredAt must be ISO-8601, was " + raw);
    }
  }
}
