package io.spoor.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.http.Scope;
import io.spoor.testkit.SpoorClient.Answer;
import io.spoor.testkit.SpoorPerClass;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/write-keys}: a portal's Segment write keys. */
class WriteKeyApiTest extends SpoorPerClass {
  @Test
  void creationAnswersTheKeyOnceAndListingsShowOnlyAHint() {
    Answer created = client.send("POST", "/api/v1/write-keys", new JsonObject().put("name", "web"));
    assertEquals(201, created.status(), created.body());
    JsonObject key = created.json();
    assertEquals("web", key.getString("name"));
    assertNotNull(key.getString("id"));
    assertNotNull(key.getString("createdAt"));
    assertEquals(32, key.getString("key").length());
    String listed = client.get("/api/v1/write-keys").body();
    assertFalse(listed.contains(key.getString("key")), listed);
    assertTrue(listed.contains(key.getString("key").substring(28)), listed);
  }

  @Test
  void keysArePagedInIdOrder() {
    client.send("POST", "/api/v1/write-keys", new JsonObject().put("name", "one"));
    client.send("POST", "/api/v1/write-keys", new JsonObject().put("name", "two"));
    JsonObject page = client.get("/api/v1/write-keys?limit=1").json();
    assertEquals(1, page.getJsonArray("results").size());
    String after = page.getJsonObject("paging").getJsonObject("next").getString("after");
    JsonObject next = client.get("/api/v1/write-keys?limit=1&after=" + after).json();
    assertTrue(Long.parseLong(next.getJsonArray("results").getJsonObject(0).getString("id")) > Long.parseLong(after));
  }

  @Test
  void revokingMarksTheKeyAndASecondRevocationIs404() {
    String id = client.send("POST", "/api/v1/write-keys", new JsonObject().put("name", "gone")).json().getString("id");
    assertEquals(204, client.delete("/api/v1/write-keys/" + id).status());
    assertEquals(404, client.delete("/api/v1/write-keys/" + id).status());
    JsonObject revoked = client.get("/api/v1/write-keys?limit=1000").json().getJsonArray("results").stream()
        .map(JsonObject.class::cast).filter(k -> k.getString("id").equals(id)).findFirst().orElseThrow();
    assertNotNull(revoked.getString("revokedAt"));
  }

  @Test
  void aNameIsRequired() {
    assertEquals(400, client.send("POST", "/api/v1/write-keys", new JsonObject()).status());
    assertEquals(400, client.send("POST", "/api/v1/write-keys", new JsonObject().put("name", " ")).status());
  }

  @Test
  void theAdminScopeIsRequired() {
    var scoped = server.scoped(Set.of(Scope.CONTACTS_READ));
    assertEquals(403, scoped.send("POST", "/api/v1/write-keys", new JsonObject().put("name", "x")).status());
    assertEquals(403, scoped.get("/api/v1/write-keys").status());
  }

  @Test
  void anotherPortalsKeysAreNeitherListedNorRevoked() {
    String id = client.send("POST", "/api/v1/write-keys", new JsonObject().put("name", "mine")).json().getString("id");
    var other = secondPortal();
    assertTrue(other.get("/api/v1/write-keys").json().getJsonArray("results").isEmpty());
    assertEquals(404, other.delete("/api/v1/write-keys/" + id).status());
    assertNull(client.get("/api/v1/write-keys?limit=1000").json().getJsonArray("results").stream()
        .map(JsonObject.class::cast).filter(k -> k.getString("id").equals(id)).findFirst().orElseThrow()
        .getString("revokedAt"));
  }
}
