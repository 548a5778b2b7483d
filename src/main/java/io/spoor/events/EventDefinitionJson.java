package io.spoor.events;

import io.spoor.InvalidInputException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Behavioural event definitions in the events API's JSON shape. */
final class EventDefinitionJson {
  private EventDefinitionJson() {
  }

  static EventDetails details(JsonObject body) {
    Object label = body.getValue("label");
    if (!(label instanceof String) || ((String) label).isBlank()) {
      throw new InvalidInputException("label is required");
    }
    Object primary = body.getValue("primaryObject", "CONTACT");
    if (!"CONTACT".equals(primary)) {
      throw new InvalidInputException("primaryObject must be CONTACT");
    }
    return new EventDetails((String) label, body.getValue("description") instanceof String s ? s : "",
        properties(body.getValue("propertyDefinitions", new JsonArray())));
  }

  /** A PATCH body: {@code label?, description?, propertyDefinitions?}. */
  static BehavioralEvents.EventDetailsPatch patch(JsonObject body) {
    Object label = body.getValue("label");
    Object description = body.getValue("description");
    if (label != null && !(label instanceof String) || description != null && !(description instanceof String)) {
      throw new InvalidInputException("label and description must be strings");
    }
    Object defs = body.getValue("propertyDefinitions");
    return new BehavioralEvents.EventDetailsPatch(Optional.ofNullable((String) label),
        Optional.ofNullable((String) description), Optional.ofNullable(defs).map(EventDefinitionJson::properties));
  }

  private static List<EventDetails.EventProperty> properties(Object defs) {
    List<EventDetails.EventProperty> properties = new ArrayList<>();
    if (!(defs instanceof JsonArray array)) {
      throw new InvalidInputException("propertyDefinitions must be an array");
    }
    for (Object o : array) {
      if (!(o instanceof JsonObject p) || !(p.getValue("name") instanceof String)) {
        throw new InvalidInputException("each property definition needs a name, a label and a type");
      }
      properties.add(new EventDetails.EventProperty(p.getString("name"), p.getString("label", p.getString("name")),
          p.getString("type", "string")));
    }
    return properties;
  }

  static JsonObject render(BehavioralEvents.Defined d, long hubId) {
    JsonArray properties = new JsonArray();
    d.details().properties().forEach(p -> properties.add(new JsonObject().put("name", p.name())
        .put("label", p.label()).put("type", p.type())));
    String qualified = d.definition().name();
    return new JsonObject().put("id", d.definition().displayId()).put("label", d.details().label())
        .put("name", qualified.substring(BehavioralEvents.prefix(hubId).length())).put("fullyQualifiedName", qualified)
        .put("description", d.details().description()).put("primaryObject", "CONTACT")
        .put("propertyDefinitions", properties).put("createdAt", d.definition().createdAt().toString())
        .put("archived", false);
  }
}
