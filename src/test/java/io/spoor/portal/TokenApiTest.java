package io.spoor.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.http.Scope;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Private-app tokens through the admin API: issued once, listed by hint, scoped, revoked. */
class TokenApiTest {
  private static RunningSpoor server;
  private static SpoorClient client;

  @BeforeAll
  static void start() {
    server = RunningSpoor.start();
    client = server.client();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aTokenIsShownOnceWorksWithItsScopesAndStopsWhenRevoked() {
    SpoorClient.Answer created = client.send("POST", "/api/v1/tokens", new JsonObject().put("name", "reader")
        .put("scopes", new JsonArray().add("crm.objects.contacts.read")));
    assertEquals(201, created.status(), created.body());
    String value = created.json().getString("token");
    assertTrue(value.startsWith("pat-na1-"));
    String listing = client.get("/api/v1/tokens").body();
    assertFalse(listing.contains(value), "a listing never shows a token");
    assertTrue(listing.contains(value.substring(value.length() - 4)));

    SpoorClient reader = client.withToken(value);
    assertEquals(404, reader.get("/crm/v3/objects/contacts/999").status());
    assertEquals(403, reader.get("/api/v1/tokens").status());

    String id = created.json().getString("id");
    assertEquals(204, client.delete("/api/v1/tokens/" + id).status());
    assertEquals(401, reader.get("/crm/v3/objects/contacts/999").status());
    assertEquals(404, client.delete("/api/v1/tokens/" + id).status());
  }

  @Test
  void badTokenRequestsAreRefusedWithTheReason() {
    assertEquals(400, client.send("POST", "/api/v1/tokens", new JsonObject()).status());
    SpoorClient.Answer unknown = client.send("POST", "/api/v1/tokens", new JsonObject().put("name", "x")
        .put("scopes", new JsonArray().add("crm.everything")));
    assertEquals(400, unknown.status());
    assertTrue(unknown.json().getString("message").contains("crm.everything"));
  }

  @Test
  void anotherPortalsTokensAreNeitherListedNorRevocable() {
    server.spoor().portals().create(3, "Third");
    NewToken third = server.spoor().portals().issueToken(3, "third", Scope.all());
    SpoorClient other = client.withToken(third.value());
    String mine = client.send("POST", "/api/v1/tokens", new JsonObject().put("name", "mine")).json().getString("id");
    assertFalse(other.get("/api/v1/tokens").body().contains("\"mine\""));
    assertEquals(404, other.delete("/api/v1/tokens/" + mine).status());
    assertTrue(client.get("/api/v1/tokens").body().contains("\"mine\""));
  }
}
