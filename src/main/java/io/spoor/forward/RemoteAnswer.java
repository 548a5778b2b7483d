package io.spoor.forward;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the remote answered one request: its status (0 when no answer came: a timeout or a
 * connection error; -1 when Spoor held the request back for the remote's limits), headers by
 * lower-case name, and body.
 */
record RemoteAnswer(int status, Map<String, String> headers, String body) {
  static final int NO_ANSWER = 0;
  static final int HELD_BACK = -1;

  RemoteAnswer {
    headers = Map.copyOf(headers);
  }

  static RemoteAnswer none(String why) {
    return new RemoteAnswer(NO_ANSWER, Map.of(), why);
  }

  static RemoteAnswer heldBack() {
    return new RemoteAnswer(HELD_BACK, Map.of(), "held back for the remote's rate limit");
  }

  boolean ok() {
    return status >= 200 && status < 300;
  }

  Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  OptionalLong number(String name) {
    Optional<String> raw = header(name);
    try {
      return raw.isPresent() ? OptionalLong.of(Long.parseLong(raw.get().trim())) : OptionalLong.empty();
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** The body as a JSON object; empty when it is not one. */
  JsonObject json() {
    try {
      return body == null || body.isBlank() ? new JsonObject() : new JsonObject(body);
    } catch (DecodeException | ClassCastException e) {
      return new JsonObject();
    }
  }

  /** A line for the status and the dead letters: the status and the remote's message. */
  String summary() {
    if (status <= 0) {
      return body;
    }
    String message = json().getString("message");
    return status + (message != null ? " " + message : body == null || body.isBlank() ? "" : " " + body);
  }
}
