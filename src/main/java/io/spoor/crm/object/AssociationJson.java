package io.spoor.crm.object;

import io.spoor.Ids;
import io.spoor.InvalidInputException;
import io.spoor.crm.AssociationType;
import io.spoor.crm.ObjectType;
import io.spoor.crm.association.Associations;
import io.spoor.crm.object.ObjectInput.AssociationInput;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The CRM v3 API's JSON for associations: a create's {@code associations}, the types a read names, the read shape. */
final class AssociationJson {
  private AssociationJson() {
  }

  /**
   * A create's {@code associations:[{to:{id}, types:[{associationCategory, associationTypeId}]}]}:
   * one association per target and type. Only HubSpot's defined types exist in Spoor.
   */
  static List<AssociationInput> inputs(JsonObject input) {
    Object raw = input.getValue("associations");
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof JsonArray array)) {
      throw new InvalidInputException("associations must be an array of {to, types}");
    }
    List<AssociationInput> inputs = new ArrayList<>();
    for (Object element : array) {
      if (!(element instanceof JsonObject association) || !(association.getValue("to") instanceof JsonObject to)
          || !(association.getValue("types") instanceof JsonArray types) || types.isEmpty()) {
        throw new InvalidInputException("every association needs to:{id} and a non-empty types array");
      }
      String id = ObjectJson.text("associations.to.id", to.getValue("id")).orElse("").trim();
      long toId = Ids.parse(id).orElseThrow(() ->
          new InvalidInputException("associations.to.id must be an object id, was " + id));
      for (Object type : types) {
        inputs.add(new AssociationInput(toId, type(type)));
      }
    }
    return inputs;
  }

  private static AssociationType type(Object raw) {
    if (!(raw instanceof JsonObject type)) {
      throw new InvalidInputException("every association type must be {associationCategory, associationTypeId}");
    }
    String category = ObjectJson.text("associationCategory", type.getValue("associationCategory")).orElse("");
    if (!category.equals(AssociationType.CATEGORY)) {
      throw new InvalidInputException("associationCategory must be " + AssociationType.CATEGORY + ", was " + category);
    }
    String id = ObjectJson.text("associationTypeId", type.getValue("associationTypeId")).orElse("");
    return (id.matches("\\d{1,9}") ? AssociationType.byId(Integer.parseInt(id)) : Optional.<AssociationType>empty())
        .orElseThrow(() -> new InvalidInputException("associationTypeId " + id + " is not a type Spoor knows"));
  }

  /** The object types a read's {@code associations} names, given repeatedly or as comma lists. */
  static List<ObjectType> types(Iterable<?> values) {
    Set<ObjectType> types = new LinkedHashSet<>();
    for (String name : ObjectJson.names(values, List.of())) {
      types.add(Associations.objectType(name));
    }
    return List.copyOf(types);
  }

  /** The v3 read shape: {@code associations:{companies:{results:[{id, type}]}}}, types with none left out. */
  static JsonObject withAssociations(JsonObject rendered, ObjectType from, Map<ObjectType, List<Long>> byType) {
    if (byType.values().stream().allMatch(List::isEmpty)) {
      return rendered;
    }
    JsonObject associations = new JsonObject();
    byType.forEach((to, ids) -> {
      if (!ids.isEmpty()) {
        String type = Associations.type(from, to).wireName();
        JsonArray results = new JsonArray();
        ids.forEach(id -> results.add(new JsonObject().put("id", Long.toString(id)).put("type", type)));
        associations.put(to.plural(), new JsonObject().put("results", results));
      }
    });
    return rendered.put("associations", associations);
  }
}
