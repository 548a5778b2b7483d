package io.spoor.forward;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A {@link ForwardCall} as the JSON text the outbox keeps, and back. */
final class CallCodec {
  private CallCodec() {
  }

  static String kind(ForwardCall call) {
    return call instanceof ForwardCall.Undecodable u ? u.kind() : call.getClass().getSimpleName();
  }

  static JsonObject json(ForwardCall call) {
    if (call instanceof ForwardCall.UpsertContact c) {
      return new JsonObject().put("email", c.email()).put("properties", map(c.properties()));
    }
    if (call instanceof ForwardCall.TrackEvent e) {
      return new JsonObject().put("eventRef", e.eventRef()).put("email", e.email())
          .put("value", e.value().orElse(null)).put("contactProperties", map(e.contactProperties()))
          .put("occurredAt", e.occurredAt());
    }
    if (call instanceof ForwardCall.SendBehavioralEvent b) {
      return new JsonObject().put("eventName", b.eventName()).put("email", b.email())
          .put("properties", map(b.properties())).put("occurredAt", b.occurredAt()).put("uuid", b.uuid());
    }
    if (call instanceof ForwardCall.Undecodable u) {
      return new JsonObject().put("kind", u.kind()).put("text", u.text()).put("reason", u.reason());
    }
    ForwardCall.UpsertCompany c = (ForwardCall.UpsertCompany) call;
    return new JsonObject().put("domain", c.domain()).put("groupId", c.groupId().orElse(null))
        .put("properties", map(c.properties())).put("contactEmail", c.contactEmail().orElse(null));
  }

  /** The call kept as {@code kind} and {@code text}; an {@link ForwardCall.Undecodable} when it cannot be read. */
  static ForwardCall call(String kind, String text) {
    try {
      return decode(kind, text);
    } catch (RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new ForwardCall.Undecodable(kind, text, "the outbox cannot decode this " + kind + " call: " + why);
    }
  }

  private static ForwardCall decode(String kind, String text) {
    JsonObject j = new JsonObject(text);
    switch (kind) {
      case "UpsertContact":
        return new ForwardCall.UpsertContact(j.getString("email"), strings(j, "properties"));
      case "TrackEvent":
        return new ForwardCall.TrackEvent(j.getString("eventRef"), j.getString("email"),
            Optional.ofNullable(j.getString("value")), strings(j, "contactProperties"), j.getLong("occurredAt"));
      case "SendBehavioralEvent":
        return new ForwardCall.SendBehavioralEvent(j.getString("eventName"), j.getString("email"),
            strings(j, "properties"), j.getLong("occurredAt"), j.getString("uuid"));
      case "UpsertCompany":
        return new ForwardCall.UpsertCompany(j.getString("domain"), Optional.ofNullable(j.getString("groupId")),
            strings(j, "properties"), Optional.ofNullable(j.getString("contactEmail")));
      default:
        throw new IllegalStateException("unknown forward call kind in the outbox: " + kind);
    }
  }

  private static JsonObject map(Map<String, String> values) {
    JsonObject json = new JsonObject();
    values.forEach(json::put);
    return json;
  }

  private static Map<String, String> strings(JsonObject j, String field) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonObject values = j.getJsonObject(field, new JsonObject());
    values.fieldNames().forEach(name -> out.put(name, values.getString(name)));
    return out;
  }
}
