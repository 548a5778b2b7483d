package io.spoor.ingest;

import io.spoor.http.Param;
import java.util.List;
import java.util.Optional;

/**
 * A call of the Events HTTP API ({@code /v1/event}) as received: values are raw strings,
 * checked when applied so that what is refused lands in the rejection list.
 *
 * @param eventRef   {@code _n}: a numeric event id or an event name
 * @param properties every other parameter, in request order: contact properties to set
 * @param malformed  names of parameters whose encoding could not be decoded
 */
public record EventApiHit(String id, long hubId, long receivedAt, String eventRef,
    Optional<String> email, Optional<String> revenue, Optional<String> externalId,
    List<Param> properties, List<String> malformed, String rawParams) implements Hit {

  public EventApiHit {
    properties = List.copyOf(properties);
    malformed = List.copyOf(malformed);
  }

  @Override
  public String kind() {
    return "event_api";
  }
}
