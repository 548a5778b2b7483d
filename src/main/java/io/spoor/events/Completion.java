package io.spoor.events;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** One completion of an event: by a contact or by nobody known, with its revenue value. */
public record Completion(long portalId, long definitionId, Optional<Long> contactId, String hitId,
    long occurredAt, OptionalLong valueMicros, String source, Map<String, String> properties) {

  public Completion {
    properties = Map.copyOf(properties);
  }
}
