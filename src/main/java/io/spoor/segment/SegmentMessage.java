package io.spoor.segment;

import io.spoor.ingest.RejectReason;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Segment message as the mapping reads it, checked first: what the edge let through is read
 * again here, because a batch's bad members are logged too and must land in the rejection list.
 */
record SegmentMessage(String type, JsonObject json) {
  /** The longest id kept: {@code userId}, {@code anonymousId}, {@code previousId}, {@code groupId}. */
  static final int MAX_ID = 255;

  /** A message that can be mapped, or why not. */
  sealed interface Reading {
  }

  record Valid(SegmentMessage message) implements Reading {
  }

  record Invalid(RejectReason reason, String detail) implements Reading {
  }

  static Reading read(String text) {
    JsonObject json;
    try {
      Object parsed = io.vertx.core.json.Json.decodeValue(text);
      if (!(parsed instanceof JsonObject object)) {
        return new Invalid(RejectReason.MALFORMED_SEGMENT_MESSAGE, "the message is not a JSON object");
      }
      json = object;
    } catch (DecodeException e) {
      return new Invalid(RejectReason.MALFORMED_SEGMENT_MESSAGE, "the message is not JSON");
    }
    Object type = json.getValue(ApiFields.TYPE);
    if (!(type instanceof String name) || !ApiFields.TYPES.contains(name)) {
      return new Invalid(RejectReason.UNKNOWN_SEGMENT_TYPE, "type must be one of identify, track, page, screen, "
          + "group, alias; was " + shown(type));
    }
    SegmentMessage message = new SegmentMessage(name, json);
    return message.problem().<Reading>map(p -> p).orElse(new Valid(message));
  }

  /**
   * Why a message of this type cannot be mapped, or empty: the one statement of what every
   * message must carry, read by the edge for a single call (400) and here for every message.
   */
  static Optional<Invalid> problem(String type, JsonObject json) {
    return new SegmentMessage(type, json).problem();
  }

  private Optional<Invalid> problem() {
    for (String field : List.of(ApiFields.USER_ID, ApiFields.ANONYMOUS_ID, ApiFields.PREVIOUS_ID,
        ApiFields.GROUP_ID)) {
      if (id(field).filter(id -> id.length() > MAX_ID).isPresent()) {
        return Optional.of(new Invalid(RejectReason.MALFORMED_SEGMENT_MESSAGE, field + " is longer than " + MAX_ID
            + " characters"));
      }
    }
    if (userId().isEmpty() && anonymousId().isEmpty()) {
      return Optional.of(new Invalid(RejectReason.NO_SEGMENT_USER, type + " needs a userId or anonymousId: it has neither"));
    }
    if (type.equals("track") && event().isEmpty()) {
      return Optional.of(new Invalid(RejectReason.NO_SEGMENT_EVENT, "track has no event name (a non-empty string)"));
    }
    if (type.equals("group") && id(ApiFields.GROUP_ID).isEmpty()) {
      return Optional.of(new Invalid(RejectReason.MALFORMED_SEGMENT_MESSAGE, "group has no groupId"));
    }
    if (type.equals("alias") && (id(ApiFields.PREVIOUS_ID).isEmpty() || userId().isEmpty())) {
      return Optional.of(new Invalid(RejectReason.MALFORMED_SEGMENT_MESSAGE, "alias needs both previousId and userId"));
    }
    return Optional.empty();
  }

  /**
   * Whether Segment would send the message to its HubSpot destination: not when
   * {@code integrations.HubSpot} is {@code false}, nor when {@code integrations.All} is
   * {@code false} and {@code HubSpot} is not turned on ({@code true} or its settings object).
   */
  boolean forHubSpot() {
    JsonObject integrations = object(json, ApiFields.INTEGRATIONS);
    Object hubSpot = null;
    Object all = null;
    for (String name : integrations.fieldNames()) {
      if (name.equalsIgnoreCase(ApiFields.HUBSPOT)) {
        hubSpot = integrations.getValue(name);
      } else if (name.equalsIgnoreCase(ApiFields.ALL)) {
        all = integrations.getValue(name);
      }
    }
    if (hubSpot != null) {
      return !Boolean.FALSE.equals(hubSpot);
    }
    return !Boolean.FALSE.equals(all);
  }

  Optional<String> userId() {
    return id(ApiFields.USER_ID);
  }

  Optional<String> anonymousId() {
    return id(ApiFields.ANONYMOUS_ID);
  }

  /** The message's ids, userId first. */
  List<String> ids() {
    List<String> ids = new ArrayList<>(2);
    userId().ifPresent(ids::add);
    anonymousId().ifPresent(ids::add);
    return ids;
  }

  Optional<String> groupId() {
    return id(ApiFields.GROUP_ID);
  }

  Optional<String> previousId() {
    return id(ApiFields.PREVIOUS_ID);
  }

  /** The track's event name, trimmed; empty when absent, blank or not a string. */
  Optional<String> event() {
    return json.getValue(ApiFields.EVENT) instanceof String event && !event.isBlank()
        ? Optional.of(event.trim()) : Optional.empty();
  }

  JsonObject traits() {
    return object(json, ApiFields.TRAITS);
  }

  JsonObject properties() {
    return object(json, ApiFields.PROPERTIES);
  }

  JsonObject context() {
    return object(json, ApiFields.CONTEXT);
  }

  JsonObject contextTraits() {
    return object(context(), ApiFields.TRAITS);
  }

  /** {@code traits.email}, else {@code context.traits.email} (identify); for a track, {@code properties.email} first. */
  Optional<String> email() {
    JsonObject first = type.equals("track") ? properties() : traits();
    return text(first, ApiFields.EMAIL).or(() -> text(contextTraits(), ApiFields.EMAIL));
  }

  /** A string (or number) member, trimmed; empty when absent or blank. */
  static Optional<String> text(JsonObject object, String field) {
    Object value = object.getValue(field);
    if (value instanceof String s && !s.isBlank()) {
      return Optional.of(s.trim());
    }
    return value instanceof Number n ? Optional.of(Traits.numberText(n)) : Optional.empty();
  }

  static JsonObject object(JsonObject parent, String field) {
    return parent.getValue(field) instanceof JsonObject child ? child : new JsonObject();
  }

  private Optional<String> id(String field) {
    return text(json, field);
  }

  private static String shown(Object value) {
    return value == null ? "nothing" : io.spoor.http.LogSafe.text(String.valueOf(value), 40);
  }
}
