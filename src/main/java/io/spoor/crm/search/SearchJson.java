package io.spoor.crm.search;

import io.spoor.InvalidInputException;
import io.spoor.crm.CrmObject;
import io.spoor.crm.object.ContactJson;
import io.spoor.crm.object.ObjectView;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A search request body into a {@link SearchQuery}; a page of results into HubSpot's answer. */
final class SearchJson {
  private SearchJson() {
  }

  /** The search in {@code body}; without {@code properties}, results show {@code defaultRead}. */
  static SearchQuery query(JsonObject body, List<String> defaultRead) {
    List<List<SearchFilter>> groups = new ArrayList<>();
    for (JsonObject group : objects(body.getValue("filterGroups"), "filterGroups")) {
      groups.add(objects(group.getValue("filters"), "filters").stream().map(SearchJson::filter).toList());
    }
    List<SearchSort> sorts = array(body.getValue("sorts"), "sorts").stream().map(SearchJson::sort).toList();
    Set<String> properties = ContactJson.names(body, "properties", defaultRead);
    return new SearchQuery(groups, sorts, ContactJson.text("query", body.getValue("query")), properties,
        number(body.getValue("limit"), "limit", SearchQuery.DEFAULT_LIMIT),
        number(body.getValue("after"), "after", 0));
  }

  static <T extends CrmObject> JsonObject page(ObjectSearch.Page<T> page, Set<String> properties) {
    JsonArray results = new JsonArray();
    page.results().forEach(object -> results.add(ObjectView.render(object, properties, page.reader())));
    JsonObject body = new JsonObject().put("total", page.total()).put("results", results);
    page.next().ifPresent(next -> body.put("paging", new JsonObject()
        .put("next", new JsonObject().put("after", Integer.toString(next)))));
    return body;
  }

  private static SearchFilter filter(JsonObject json) {
    String property = required(json, "propertyName");
    String wire = required(json, "operator");
    SearchOperator operator = SearchOperator.fromWireName(wire.trim().toUpperCase(Locale.ROOT))
        .orElseThrow(() -> new InvalidInputException("operator " + wire + " is not one of "
            + List.of(SearchOperator.values())));
    List<String> values = switch (operator.arity()) {
      case NONE -> List.of();
      case ONE -> List.of(required(json, "value"));
      case RANGE -> List.of(required(json, "value"), required(json, "highValue"));
      case LIST -> array(json.getValue("values"), "values").stream()
          .map(v -> ContactJson.text("values", v).orElseThrow(() -> new InvalidInputException("values hold no nulls")))
          .toList();
    };
    return new SearchFilter(property, operator, values);
  }

  /** {@code {propertyName, direction}}, or HubSpot's short form: {@code "createdate"}, {@code "-createdate"}. */
  private static SearchSort sort(Object raw) {
    if (raw instanceof String s) {
      boolean descending = s.startsWith("-");
      return new SearchSort(descending ? s.substring(1) : s, descending);
    }
    if (!(raw instanceof JsonObject json)) {
      throw new InvalidInputException("every sort is a property name or an object {propertyName, direction}");
    }
    String direction = ContactJson.text("direction", json.getValue("direction")).orElse("ASCENDING")
        .toUpperCase(Locale.ROOT);
    if (!direction.equals("ASCENDING") && !direction.equals("DESCENDING")) {
      throw new InvalidInputException("direction must be ASCENDING or DESCENDING, was " + direction);
    }
    return new SearchSort(required(json, "propertyName"), direction.equals("DESCENDING"));
  }

  private static String required(JsonObject json, String field) {
    return ContactJson.text(field, json.getValue(field))
        .orElseThrow(() -> new InvalidInputException("every filter needs " + field));
  }

  private static List<Object> array(Object raw, String field) {
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof JsonArray array)) {
      throw new InvalidInputException(field + " must be an array");
    }
    List<Object> elements = new ArrayList<>();
    array.forEach(elements::add);
    return elements;
  }

  private static List<JsonObject> objects(Object raw, String field) {
    List<JsonObject> objects = new ArrayList<>();
    for (Object element : array(raw, field)) {
      if (!(element instanceof JsonObject object)) {
        throw new InvalidInputException("every element of " + field + " must be an object");
      }
      objects.add(object);
    }
    return objects;
  }

  private static int number(Object raw, String field, int fallback) {
    Optional<String> text = ContactJson.text(field, raw);
    if (text.isEmpty()) {
      return fallback;
    }
    if (!text.get().trim().matches("\\d{1,9}")) {
      throw new InvalidInputException(field + " must be a whole number, was " + text.get());
    }
    return Integer.parseInt(text.get().trim());
  }
}
