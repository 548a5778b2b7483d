package io.spoor.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.testkit.SpoorClient.Answer;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;

/** Calls of the contact search API shared by its tests. */
public final class SearchApi {
  public static final String PATH = ContactApi.PATH + "/search";

  private SearchApi() {
  }

  public static JsonObject filter(String property, String operator) {
    return new JsonObject().put("propertyName", property).put("operator", operator);
  }

  public static JsonObject filter(String property, String operator, Object value) {
    return filter(property, operator).put("value", value);
  }

  /** A body with one filter group holding these filters. */
  public static JsonObject where(JsonObject... filters) {
    return groups(new JsonArray(List.of(filters)));
  }

  /** A body with these filter groups, each an array of filters. */
  public static JsonObject groups(JsonArray... groups) {
    JsonArray all = new JsonArray();
    for (JsonArray filters : groups) {
      all.add(new JsonObject().put("filters", filters));
    }
    return new JsonObject().put("filterGroups", all);
  }

  public static Answer search(SpoorClient client, JsonObject body) {
    return client.send("POST", PATH, body);
  }

  /** A search that must succeed. */
  public static JsonObject found(SpoorClient client, JsonObject body) {
    Answer answer = search(client, body);
    assertEquals(200, answer.status(), answer.body());
    return answer.json();
  }

  /** The ids of a page's results, in order. */
  public static List<String> ids(JsonObject page) {
    return page.getJsonArray("results").stream().map(JsonObject.class::cast).map(r -> r.getString("id"))
        .collect(Collectors.toList());
  }

  /** A search refused as a validation error. */
  public static void refused(SpoorClient client, JsonObject body) {
    Answer answer = search(client, body);
    assertEquals(400, answer.status(), answer.body());
    assertEquals("VALIDATION_ERROR", answer.json().getString("category"), answer.body());
  }
}
