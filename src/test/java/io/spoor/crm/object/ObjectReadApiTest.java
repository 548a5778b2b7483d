package io.spoor.crm.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.spoor.http.Scope;
import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorClient.Answer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reading objects ({@code GET} one, by id, key or a custom unique property; the list; value
 * history): what contacts and companies do alike. What only one type does is in
 * {@code ContactReadApiTest} and {@code CompanyReadApiTest}.
 */
class ObjectReadApiTest extends TwoPortalSuite {
  /** A portal of its own for each kind and test that counts what a portal lists. */
  private static SpoorClient freshPortal(ObjectKind kind, long base) {
    return server.newPortal(base + kind.ordinal(), Scope.all());
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void aReadNamingNoPropertiesShowsHubSpotsDefaultOnes(ObjectKind kind) {
    String id = kind.create(client, Map.of(kind.nameProperty, "Defaults", kind.keyProperty, kind.key("defaults"),
        "city", "Oslo"));
    JsonObject json = kind.get(client, id, "").json();
    JsonObject p = json.getJsonObject("properties");
    assertEquals(kind.defaultProperties, p.fieldNames().stream().sorted().toList());
    assertEquals(kind.key("defaults"), p.getString(kind.keyProperty));
    assertEquals(id, p.getString("hs_object_id"));
    assertEquals(json.getString("createdAt"), p.getString("createdate"));
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void anObjectIsReadByItsKeyInAnyForm(ObjectKind kind) {
    String id = kind.create(client, Map.of(kind.keyProperty, kind.key("by-key")));
    for (String ref : List.of(kind.key("by-key"), kind.otherForm("by-key"))) {
      Answer answer = kind.get(client, ref, "idProperty=" + kind.keyProperty);
      assertEquals(200, answer.status(), ref);
      assertEquals(id, answer.json().getString("id"), ref);
    }
    assertEquals(404, kind.getByKey(client, "nobody").status());
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void anObjectIsReadByACustomUniqueProperty(ObjectKind kind) {
    Answer defined = client.send("POST", kind.propertiesPath, new JsonObject().put("name", "vat_number")
        .put("label", "VAT number").put("type", "string").put("fieldType", "text")
        .put("groupName", kind == ObjectKind.CONTACTS ? "contactinformation" : "companyinformation")
        .put("hasUniqueValue", true));
    assertEquals(201, defined.status(), defined.body());
    String id = kind.create(client, Map.of(kind.nameProperty, "Taxed", "vat_number", "NO123"));
    Answer answer = kind.get(client, "NO123", "idProperty=vat_number&properties=" + kind.nameProperty);
    assertEquals(200, answer.status(), answer.body());
    assertEquals(id, answer.json().getString("id"));
    assertEquals(404, kind.get(client, "NO999", "idProperty=vat_number").status());
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void anIdPropertyWithoutUniqueValuesIsRefused(ObjectKind kind) {
    Answer answer = kind.get(client, "Acme", "idProperty=" + kind.nameProperty);
    assertEquals(400, answer.status());
    assertEquals("VALIDATION_ERROR", answer.json().getString("category"));
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void anObjectOfTheOtherTypeIsNotFound(ObjectKind kind) {
    String other = kind.other().create(client, Map.of(kind.other().nameProperty, "Other type"));
    assertEquals(404, kind.get(client, other, "").status());
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void theListPagesThroughEveryObjectInIdOrderWithoutTheOtherType(ObjectKind kind) {
    SpoorClient portal = freshPortal(kind, 3);
    kind.other().create(portal, Map.of(kind.other().nameProperty, "Not this type"));
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(kind.create(portal, Map.of(kind.keyProperty, kind.key("page" + i))));
    }
    List<String> listed = new ArrayList<>();
    String next = kind.path + "?limit=2&properties=" + kind.keyProperty;
    int pages = 0;
    while (next != null) {
      JsonObject page = portal.get(next).json();
      page.getJsonArray("results").forEach(r -> listed.add(((JsonObject) r).getString("id")));
      JsonObject paging = page.getJsonObject("paging");
      next = paging == null ? null : relative(paging.getJsonObject("next").getString("link"));
      pages++;
    }
    assertEquals(created, listed);
    assertEquals(3, pages);
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void theListShowsTenByDefaultWithHubSpotsDefaultProperties(ObjectKind kind) {
    SpoorClient portal = freshPortal(kind, 5);
    for (int i = 0; i < 11; i++) {
      kind.create(portal, Map.of(kind.keyProperty, kind.key("ten" + i), "city", "Oslo"));
    }
    JsonObject page = portal.get(kind.path).json();
    assertEquals(10, page.getJsonArray("results").size());
    JsonObject first = page.getJsonArray("results").getJsonObject(0).getJsonObject("properties");
    assertEquals(kind.defaultProperties, first.fieldNames().stream().sorted().toList());
    String after = page.getJsonObject("paging").getJsonObject("next").getString("after");
    JsonObject rest = portal.get(kind.path + "?after=" + after + "&properties=city").json();
    assertEquals(1, rest.getJsonArray("results").size());
    assertEquals("Oslo", rest.getJsonArray("results").getJsonObject(0).getJsonObject("properties").getString("city"));
    assertNull(rest.getJsonObject("paging"));
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void archivedObjectsAreNotListed(ObjectKind kind) {
    SpoorClient portal = freshPortal(kind, 7);
    String kept = kind.create(portal, Map.of(kind.nameProperty, "Kept"));
    String gone = kind.create(portal, Map.of(kind.nameProperty, "Gone"));
    assertEquals(204, portal.delete(kind.path + "/" + gone).status());
    JsonArray results = portal.get(kind.path + "?properties=" + kind.nameProperty).json().getJsonArray("results");
    assertEquals(1, results.size());
    assertEquals(kept, results.getJsonObject(0).getString("id"));
    assertEquals("Kept", results.getJsonObject(0).getJsonObject("properties").getString(kind.nameProperty));
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void aLimitOutsideOneToAHundredOrABadCursorIsRefused(ObjectKind kind) {
    for (String query : List.of("limit=0", "limit=101", "limit=ten", "after=abc")) {
      Answer answer = client.get(kind.path + "?" + query);
      assertEquals(400, answer.status(), query);
      assertEquals("VALIDATION_ERROR", answer.json().getString("category"), query);
    }
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void historyListsEveryChangeNewestFirstWithItsSource(ObjectKind kind) {
    String name = kind.nameProperty;
    String id = kind.create(client, Map.of(kind.keyProperty, kind.key("history"), name, "Ada"));
    kind.patch(client, id, Map.of(name, "Grace"));
    kind.patch(client, id, Map.of(name, ""));
    JsonObject json = kind.get(client, id, "propertiesWithHistory=" + name + "," + kind.keyProperty + ",hs_object_id")
        .json();
    JsonObject history = json.getJsonObject("propertiesWithHistory");
    JsonArray names = history.getJsonArray(name);
    assertEquals(List.of("", "Grace", "Ada"), values(names));
    assertEquals("API", names.getJsonObject(0).getString("sourceType"));
    assertFalse(names.getJsonObject(0).containsKey("sourceId"));
    assertEquals(List.of(kind.key("history")), values(history.getJsonArray(kind.keyProperty)));
    JsonObject objectId = history.getJsonArray("hs_object_id").getJsonObject(0);
    assertEquals("CALCULATED", objectId.getString("sourceType"));
    assertEquals(id, objectId.getString("value"));
    assertNull(json.getJsonObject("properties").getString(name));
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void readsNeedTheTypesReadScope(ObjectKind kind) {
    Set<Scope> allButRead = EnumSet.copyOf(Scope.all());
    allButRead.remove(kind.readScope);
    SpoorClient others = server.scoped(allButRead);
    assertEquals(403, others.get(kind.path).status());
    assertEquals(403, others.get(kind.path + "/1").status());
    assertEquals(403, kind.batch(others, "read", new JsonArray()).status());
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void anotherPortalsTokenNeverListsOrReadsTheObjects(ObjectKind kind) {
    String id = kind.create(client, Map.of(kind.keyProperty, kind.key("private"), kind.nameProperty, "Private"));
    String theirs = kind.create(otherPortal, Map.of(kind.nameProperty, "Theirs"));
    JsonObject listed = otherPortal.get(kind.path + "?limit=100").json();
    assertEquals(1, listed.getJsonArray("results").size());
    assertEquals(theirs, listed.getJsonArray("results").getJsonObject(0).getString("id"));
    assertNull(listed.getJsonObject("paging"));
    assertEquals(404, kind.get(otherPortal, id, "propertiesWithHistory=" + kind.nameProperty).status());
    assertEquals(404, kind.get(otherPortal, kind.key("private"), "idProperty=" + kind.keyProperty).status());
  }

  private static List<String> values(JsonArray history) {
    List<String> values = new ArrayList<>();
    history.forEach(e -> values.add(((JsonObject) e).getString("value")));
    return values;
  }

  private static String relative(String link) {
    URI uri = URI.create(link);
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }
}
