package io.spoor.crm.object;

import io.spoor.crm.PropertyDefinition;
import io.spoor.crm.PropertyValues;
import io.vertx.core.json.JsonObject;

/**
 * Why one property of a write was refused, as HubSpot lists it in
 * {@code Property values were not valid: [...]}.
 *
 * @param error HubSpot's code: {@code PROPERTY_DOESNT_EXIST}, {@code READ_ONLY_VALUE},
 *              {@code INVALID_EMAIL}, {@code INVALID_OPTION}, {@code INVALID_INTEGER},
 *              {@code INVALID_DATE}, {@code INVALID_DATETIME}, {@code INVALID_BOOLEAN},
 *              {@code INVALID_LENGTH}
 */
record PropertyProblem(String name, String error, String message) {

  static PropertyProblem doesNotExist(String name) {
    return new PropertyProblem(name, "PROPERTY_DOESNT_EXIST", "Property \"" + name + "\" does not exist");
  }

  /** The code for a value its definition refused. */
  static PropertyProblem refused(PropertyDefinition definition, String raw, String reason) {
    return new PropertyProblem(definition.name(), code(definition, raw), reason);
  }

  private static String code(PropertyDefinition definition, String raw) {
    if (definition.readOnly()) {
      return "READ_ONLY_VALUE";
    }
    if (raw.length() > PropertyValues.MAX_LENGTH) {
      return "INVALID_LENGTH";
    }
    switch (definition.type()) {
      case NUMBER:
        return "INVALID_INTEGER";
      case DATE:
        return "INVALID_DATE";
      case DATETIME:
        return "INVALID_DATETIME";
      case BOOL:
        return "INVALID_BOOLEAN";
      default:
        return "INVALID_OPTION";
    }
  }

  JsonObject toJson() {
    return new JsonObject().put("isValid", false).put("message", message).put("error", error).put("name", name);
  }
}
