package io.spoor.crm.object;

import static io.spoor.crm.ContactApi.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorClient.Answer;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Create, update and archive one object ({@code POST}, {@code PATCH}, {@code DELETE}): what
 * contacts and companies do alike, each keyed by its unique property. What only one type does
 * is in {@code ContactWriteApiTest} and {@code CompanyWriteApiTest}.
 */
class ObjectWriteApiTest extends TwoPortalSuite {
  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void aTakenKeyIsAConflictNamingTheExistingObject(ObjectKind kind) {
    String id = kind.create(client, Map.of(kind.keyProperty, kind.key("taken")));
    Answer answer = client.send("POST", kind.path, properties(Map.of(kind.keyProperty,
        kind.otherForm("taken").replace("%40", "@"))));
    assertEquals(409, answer.status());
    assertEquals("CONFLICT", answer.json().getString("category"));
    assertEquals(kind.label + " already exists. Existing ID: " + id, answer.json().getString("message"));
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void objectsWithoutAKeyAreCreatedWithoutConflict(ObjectKind kind) {
    String one = kind.create(client, Map.of(kind.nameProperty, "Nameless"));
    assertNotEquals(one, kind.create(client, Map.of(kind.nameProperty, "Nameless")));
    JsonObject p = kind.get(client, one, "properties=" + kind.nameProperty + "," + kind.keyProperty).json()
        .getJsonObject("properties");
    assertEquals("Nameless", p.getString(kind.nameProperty));
    assertNull(p.getString(kind.keyProperty));
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void patchSetsAndEmptyStringClears(ObjectKind kind) {
    String id = kind.create(client, Map.of(kind.nameProperty, "Grace", "city", "Arlington"));
    Answer answer = kind.patch(client, id, Map.of(kind.nameProperty, "Ada", "city", ""));
    assertEquals(200, answer.status(), answer.body());
    assertEquals("Ada", answer.json().getJsonObject("properties").getString(kind.nameProperty));
    JsonObject p = kind.get(client, id, "properties=" + kind.nameProperty + ",city").json()
        .getJsonObject("properties");
    assertEquals("Ada", p.getString(kind.nameProperty));
    assertNull(p.getString("city"));
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void patchByTheKeyInAnyFormFindsTheObject(ObjectKind kind) {
    String id = kind.create(client, Map.of(kind.keyProperty, kind.key("by-key")));
    Answer answer = kind.patch(client, kind.otherForm("by-key") + "?idProperty=" + kind.keyProperty,
        Map.of(kind.nameProperty, "Found"));
    assertEquals(200, answer.status(), answer.body());
    assertEquals(id, answer.json().getString("id"));
    assertEquals("Found", answer.json().getJsonObject("properties").getString(kind.nameProperty));
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void patchOfAnUnknownObjectIsNotFound(ObjectKind kind) {
    Answer answer = kind.patch(client, "999999", Map.of(kind.nameProperty, "Ghost"));
    assertEquals(404, answer.status());
    assertEquals("OBJECT_NOT_FOUND", answer.json().getString("category"));
    assertEquals(404, kind.patch(client, kind.otherForm("nowhere") + "?idProperty=" + kind.keyProperty,
        Map.of(kind.nameProperty, "Ghost")).status());
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void changingTheKeyMovesItAndATakenOneIsAConflict(ObjectKind kind) {
    String id = kind.create(client, Map.of(kind.keyProperty, kind.key("old-key")));
    String other = kind.create(client, Map.of(kind.keyProperty, kind.key("other-key")));
    assertEquals(200, kind.patch(client, id, Map.of(kind.keyProperty, kind.key("new-key"))).status());
    assertEquals(id, kind.getByKey(client, "new-key").json().getString("id"));
    assertEquals(404, kind.getByKey(client, "old-key").status());
    Answer taken = kind.patch(client, id, Map.of(kind.keyProperty, kind.key("other-key")));
    assertEquals(409, taken.status());
    assertEquals(kind.label + " already exists. Existing ID: " + other, taken.json().getString("message"));
    assertEquals(id, kind.getByKey(client, "new-key").json().getString("id"));
    kind.create(client, Map.of(kind.keyProperty, kind.key("old-key")));
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void deleteArchivesTheObjectAndFreesItsKey(ObjectKind kind) {
    String id = kind.create(client, Map.of(kind.keyProperty, kind.key("leaving")));
    assertEquals(204, client.delete(kind.path + "/" + id).status());
    assertEquals(404, kind.get(client, id, "").status());
    assertEquals(404, kind.patch(client, id, Map.of(kind.nameProperty, "X")).status());
    assertNotEquals(id, kind.create(client, Map.of(kind.keyProperty, kind.key("leaving"))));
    assertEquals(204, client.delete(kind.path + "/" + id).status());
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void writesNeedTheTypesWriteScope(ObjectKind kind) {
    SpoorClient reader = server.scoped(EnumSet.of(kind.readScope, kind.otherWriteScope));
    Answer answer = reader.send("POST", kind.path, properties(Map.of(kind.nameProperty, "Reader")));
    assertEquals(403, answer.status());
    assertEquals("MISSING_SCOPES", answer.json().getString("category"));
    assertEquals(403, kind.patch(reader, "1", Map.of(kind.nameProperty, "x")).status());
    assertEquals(403, reader.delete(kind.path + "/1").status());
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void anotherPortalsTokenNeverReadsUpdatesOrArchivesTheObject(ObjectKind kind) {
    String id = kind.create(client, Map.of(kind.keyProperty, kind.key("portal-one"), kind.nameProperty, "One"));
    assertEquals(404, kind.get(otherPortal, id, "").status());
    assertEquals(404, kind.patch(otherPortal, id, Map.of(kind.nameProperty, "Two")).status());
    assertEquals(404, kind.patch(otherPortal, kind.otherForm("portal-one") + "?idProperty=" + kind.keyProperty,
        Map.of(kind.nameProperty, "Two")).status());
    assertEquals(204, otherPortal.delete(kind.path + "/" + id).status());
    assertNotEquals(id, kind.create(otherPortal, Map.of(kind.keyProperty, kind.key("portal-one"))));
    JsonObject p = kind.get(client, id, "properties=" + kind.nameProperty + "," + kind.keyProperty).json()
        .getJsonObject("properties");
    assertEquals("One", p.getString(kind.nameProperty));
    assertEquals(kind.key("portal-one"), p.getString(kind.keyProperty));
    assertEquals(id, kind.getByKey(client, "portal-one").json().getString("id"));
  }
}
