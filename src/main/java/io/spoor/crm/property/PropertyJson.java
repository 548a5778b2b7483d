package io.spoor.crm.property;

import io.spoor.InvalidInputException;
import io.spoor.crm.PropertyDefinition;
import io.spoor.crm.PropertyType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Property definitions in the CRM properties API's JSON shape. */
public final class PropertyJson {
  private PropertyJson() {
  }

  /** A definition from a create body, or from a patch over {@code base}. */
  static PropertyDefinition read(JsonObject body, PropertyDefinition base) {
    String name = base != null ? base.name() : text(body, "name", null);
    if (name == null || !PropertyDefinition.NAME.matcher(name).matches()) {
      throw new InvalidInputException("name is required: lowercase letters, digits and _");
    }
    String typeName = text(body, "type", base != null ? base.type().wireName() : null);
    PropertyType type = PropertyType.fromWireName(typeName == null ? "" : typeName).orElseThrow(() ->
        new InvalidInputException("type must be one of string, number, date, datetime, enumeration, bool"));
    String label = text(body, "label", base != null ? base.label() : null);
    if (label == null || label.isBlank()) {
      throw new InvalidInputException("label is required");
    }
    return new PropertyDefinition(name, label, type,
        text(body, "fieldType", base != null ? base.fieldType() : defaultFieldType(type)),
        text(body, "groupName", base != null ? base.groupName() : "contactinformation"),
        text(body, "description", base != null ? base.description() : ""),
        body.containsKey("options") ? options(body.getValue("options")) : base != null ? base.options() : List.of(),
        base != null ? base.hasUniqueValue() : Boolean.TRUE.equals(body.getValue("hasUniqueValue")),
        body.containsKey("hidden") ? Boolean.TRUE.equals(body.getValue("hidden")) : base != null && base.hidden(),
        false, false);
  }

  public static JsonObject render(PropertyDefinition d) {
    JsonArray options = new JsonArray();
    d.options().forEach(o -> options.add(new JsonObject().put("label", o.label()).put("value", o.value())
        .put("displayOrder", o.displayOrder()).put("hidden", o.hidden())));
    return new JsonObject().put("name", d.name()).put("label", d.label()).put("type", d.type().wireName())
        .put("fieldType", d.fieldType()).put("groupName", d.groupName()).put("description", d.description())
        .put("options", options).put("hasUniqueValue", d.hasUniqueValue()).put("hidden", d.hidden())
        .put("hubspotDefined", d.hubspotDefined()).put("archived", false)
        .put("modificationMetadata", new JsonObject().put("archivable", !d.hubspotDefined())
            .put("readOnlyDefinition", d.hubspotDefined()).put("readOnlyValue", d.readOnly()));
  }

  private static String defaultFieldType(PropertyType type) {
    switch (type) {
      case NUMBER:
        return "number";
      case DATE:
      case DATETIME:
        return "date";
      case ENUMERATION:
        return "select";
      case BOOL:
        return "booleancheckbox";
      default:
        return "text";
    }
  }

  private static String text(JsonObject body, String key, String fallback) {
    Object value = body.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof String s)) {
      throw new InvalidInputException(key + " must be a string");
    }
    return s;
  }

  private static List<PropertyDefinition.Option> options(Object raw) {
    if (!(raw instanceof JsonArray array)) {
      throw new InvalidInputException("options must be an array of {label, value}");
    }
    List<PropertyDefinition.Option> options = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof JsonObject o) || !(o.getValue("value") instanceof String value)) {
        throw new InvalidInputException("options[" + i + "] needs a value");
      }
      options.add(new PropertyDefinition.Option(o.getString("label", value), value,
          o.getInteger("displayOrder", i), o.getBoolean("hidden", false)));
    }
    return options;
  }
}
