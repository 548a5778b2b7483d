package io.spoor.crm.object;

import io.spoor.InvalidInputException;
import io.spoor.crm.CrmObject;
import io.spoor.crm.ObjectStore.HistoryEntry;
import io.spoor.crm.ObjectType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** The CRM API's JSON for objects: request bodies into inputs, results and errors into HubSpot's shapes. */
class ObjectJson {
  ObjectJson() {
  }

  /** {@code properties} of a create or update: values travel as strings; numbers, booleans and null are taken. */
  static Map<String, String> properties(JsonObject input) {
    Object raw = input.getValue("properties");
    if (raw == null) {
      return Map.of();
    }
    if (!(raw instanceof JsonObject properties)) {
      throw new InvalidInputException("properties must be an object of property names to values");
    }
    Map<String, String> values = new LinkedHashMap<>();
    properties.forEach(e -> values.put(e.getKey(), text("properties." + e.getKey(), e.getValue()).orElse("")));
    return values;
  }

  /** The elements of {@code inputs}, each an object. */
  static List<JsonObject> inputs(JsonObject body) {
    if (!(body.getValue("inputs") instanceof JsonArray array)) {
      throw new InvalidInputException("inputs must be an array");
    }
    List<JsonObject> inputs = new ArrayList<>();
    for (Object input : array) {
      if (!(input instanceof JsonObject object)) {
        throw new InvalidInputException("every element of inputs must be an object");
      }
      inputs.add(object);
    }
    return inputs;
  }

  static List<ObjectInput> writeInputs(JsonObject body) {
    return inputs(body).stream().map(ObjectJson::writeInput).toList();
  }

  /** One object to write: {@code properties}, and {@code id}, {@code idProperty}, {@code associations}. */
  static ObjectInput writeInput(JsonObject input) {
    return new ObjectInput(text("id", input.getValue("id")), text("idProperty", input.getValue("idProperty")),
        properties(input), text("objectWriteTraceId", input.getValue("objectWriteTraceId")),
        AssociationJson.inputs(input));
  }

  /** A string field; numbers are taken as their plain text. */
  public static Optional<String> text(String field, Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String s) {
      return Optional.of(s);
    }
    if (value instanceof Boolean) {
      return Optional.of(value.toString());
    }
    if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      return Optional.of(value.toString());
    }
    if (value instanceof Number n) {
      if (n instanceof Double d && !Double.isFinite(d) || n instanceof Float f && !Float.isFinite(f)) {
        throw new InvalidInputException(field + " must be a finite number");
      }
      return Optional.of(new BigDecimal(n.toString()).stripTrailingZeros().toPlainString());
    }
    throw new InvalidInputException(field + " must be a string");
  }

  /** Property names given repeatedly or as comma lists; {@code fallback} when none. */
  public static Set<String> names(Iterable<?> values, List<String> fallback) {
    Set<String> names = new LinkedHashSet<>();
    for (Object value : values) {
      for (String name : text("properties", value).orElse("").split(",")) {
        if (!name.isBlank()) {
          names.add(name.trim());
        }
      }
    }
    return names.isEmpty() ? new LinkedHashSet<>(fallback) : names;
  }

  /** An array field of a body as names; empty when absent. */
  public static Set<String> names(JsonObject body, String field, List<String> fallback) {
    Object raw = body.getValue(field);
    if (raw != null && !(raw instanceof JsonArray)) {
      throw new InvalidInputException(field + " must be an array of property names");
    }
    return names(raw == null ? List.of() : (JsonArray) raw, fallback);
  }

  /** An object as a write answers it: every stored value and the computed dates and id. */
  static <T extends CrmObject> JsonObject written(T object, ObjectType type, PropertyReader<T> reader) {
    Set<String> names = new TreeSet<>(object.properties().keySet());
    names.addAll(List.of(ObjectType.CREATEDATE, ObjectType.OBJECT_ID, type.lastModified()));
    return ObjectView.render(object, names, reader);
  }

  static <T extends CrmObject> JsonObject written(Written<T> written, boolean withNew, ObjectType type,
      PropertyReader<T> reader) {
    JsonObject json = written(written.object(), type, reader);
    if (withNew) {
      json.put("new", written.created());
    }
    written.traceId().ifPresent(trace -> json.put("objectWriteTraceId", trace));
    return json;
  }

  /** {@code propertiesWithHistory}: each property's changes, newest first. */
  static JsonObject withHistory(JsonObject rendered, Map<String, List<HistoryEntry>> history) {
    if (history.isEmpty()) {
      return rendered;
    }
    JsonObject byName = new JsonObject();
    history.forEach((name, entries) -> {
      JsonArray list = new JsonArray();
      for (HistoryEntry e : entries) {
        JsonObject entry = new JsonObject().put("value", e.value())
            .put("timestamp", Instant.ofEpochMilli(e.at()).toString()).put("sourceType", e.sourceType());
        e.sourceId().ifPresent(id -> entry.put("sourceId", id));
        list.add(entry);
      }
      byName.put(name, list);
    });
    return rendered.put("propertiesWithHistory", byName);
  }

  /** HubSpot's batch answer: {@code status, results, numErrors?, errors?, startedAt, completedAt}. */
  static <T> JsonObject batch(BatchResult<T> result, Function<T, JsonObject> render) {
    JsonArray results = new JsonArray();
    result.results().forEach(r -> results.add(render.apply(r)));
    JsonObject json = new JsonObject().put("status", "COMPLETE").put("results", results);
    if (!result.errors().isEmpty()) {
      JsonArray errors = new JsonArray();
      result.errors().forEach(e -> errors.add(error(e)));
      json.put("numErrors", result.errors().size()).put("errors", errors);
    }
    return json.put("startedAt", result.startedAt().toString()).put("completedAt", result.completedAt().toString());
  }

  private static JsonObject error(InputError e) {
    JsonObject context = new JsonObject();
    e.context().forEach((key, values) -> context.put(key, new JsonArray(values)));
    JsonObject json = new JsonObject().put("status", "error").put("category", e.category().name())
        .put("message", e.message()).put("context", context);
    e.traceId().ifPresent(trace -> json.put("objectWriteTraceId", trace));
    return json;
  }
}
