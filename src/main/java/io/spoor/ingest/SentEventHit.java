package io.spoor.ingest;

import java.util.Map;
import java.util.Optional;

/**
 * A custom behavioural event sent through {@code POST /events/v3/send}: who it is about (a
 * visitor token, an email or a contact id), when it happened, and its properties.
 */
public record SentEventHit(String id, long hubId, long receivedAt, String eventName, Optional<String> utk,
    Optional<String> email, Optional<Long> objectId, long occurredAt, Map<String, String> properties,
    String rawParams) implements Hit {

  public SentEventHit {
    properties = Map.copyOf(properties);
  }

  @Override
  public String kind() {
    return "behavioral_event";
  }
}
