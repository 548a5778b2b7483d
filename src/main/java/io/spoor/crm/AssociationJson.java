package io.spoor.crm;

import io.spoor.Ids;
import io.spoor.InvalidInputException;
import io.spoor.crm.Associations.Associated;
import io.spoor.crm.ObjectInput.AssociationInput;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The CRM API's JSON for associations: a create's {@code associations}, the v3 read shape, the v4 answers. */
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
      types.add(objectType(name));
    }
    return List.copyOf(types);
  }

  /** An object type by its plural name; 400 for others, in HubSpot's words. */
  static ObjectType objectType(String name) {
    return ObjectType.fromPlural(name)
        .orElseThrow(() -> new InvalidInputException("Unable to infer object type from: " + name));
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

  /** The v4 answer to associating: a batch of one, complete. */
  static JsonObject associated(Associated a) {
    JsonObject spec = new JsonObject().put("associationCategory", AssociationType.CATEGORY)
        .put("associationTypeId", a.type().id());
    JsonObject result = new JsonObject().put("from", new JsonObject().put("id", Long.toString(a.fromId())))
        .put("to", new JsonObject().put("id", Long.toString(a.toId()))).put("associationSpec", spec);
    return new JsonObject().put("status", "COMPLETE").put("results", new JsonArray().add(result))
        .put("startedAt", a.startedAt().toString()).put("completedAt", a.completedAt().toString());
  }

  /** One item of the v4 list: {@code {toObjectId, associationTypes:[{category, typeId, label:null}]}}. */
  static JsonObject associatedId(AssociationType type, long id) {
    JsonObject spec = new JsonObject().put("category", AssociationType.CATEGORY).put("typeId", type.id())
        .putNull("label");
    return new JsonObject().put("toObjectId", id).put("associationTypes", new JsonArray().add(spec));
  }
}
