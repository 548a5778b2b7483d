package io.spoor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.portal.NewToken;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorClient.Answer;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tokens, scopes, portal isolation and the error model on the authenticated endpoints. */
class AuthenticationTest {
  private static RunningSpoor server;
  private static SpoorClient portalOne;
  private static SpoorClient portalTwo;

  @BeforeAll
  static void start() {
    server = RunningSpoor.start();
    portalOne = server.client();
    server.spoor().portals().create(2, "Second");
    NewToken second = server.spoor().portals().issueToken(2, "second", io.spoor.http.Scope.all());
    portalTwo = portalOne.withToken(second.value());
    portalOne.event("_a=1&_n=one_event&email=one@example.com&firstname=One");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void missingTokenIs401InHubSpotsErrorModel() {
    Answer answer = portalOne.withToken("").get("/crm/v3/objects/contacts/1");
    assertEquals(401, answer.status());
    JsonObject body = answer.json();
    assertEquals("error", body.getString("status"));
    assertEquals("INVALID_AUTHENTICATION", body.getString("category"));
    assertEquals(body.getString("correlationId"), answer.header("x-hubspot-correlation-id"));
  }

  @Test
  void apiKeyAloneIs401SayingKeysAreRetired() {
    var answer = portalOne.raw("/crm/v3/objects/contacts/1?hapikey=abc", Map.of());
    assertEquals(401, answer.statusCode());
    assertTrue(new String(answer.body()).contains("API keys are no longer supported"));
  }

  @Test
  void unknownTokenIs401() {
    assertEquals(401, portalOne.withToken("pat-na1-00000000-0000-0000-0000-000000000000")
        .get("/api/v1/event-definitions").status());
  }

  @Test
  void missingScopeIs403NamingTheScope() {
    NewToken narrow = server.spoor().portals().issueToken(1, "narrow", EnumSet.of(Scope.CONTACTS_WRITE));
    Answer answer = portalOne.withToken(narrow.value()).get("/crm/v3/objects/contacts/1");
    assertEquals(403, answer.status());
    assertEquals("MISSING_SCOPES", answer.json().getString("category"));
    assertTrue(answer.body().contains("crm.objects.contacts.read"));
  }

  @Test
  void revokedTokenIs401() {
    NewToken token = server.spoor().portals().issueToken(1, "short", Scope.all());
    SpoorClient client = portalOne.withToken(token.value());
    assertEquals(200, client.get("/api/v1/portal").status());
    assertTrue(server.spoor().portals().revoke(1, token.token().id()));
    assertEquals(401, client.get("/api/v1/portal").status());
  }

  @Test
  void anotherPortalsTokenNeverReadsThisPortalsContacts() {
    long id = Long.parseLong(portalOne.get("/crm/v3/objects/contacts/one@example.com?idProperty=email")
        .json().getString("id"));
    assertEquals(404, portalTwo.get("/crm/v3/objects/contacts/" + id).status());
    assertEquals(404, portalTwo.get("/crm/v3/objects/contacts/one@example.com?idProperty=email").status());
    assertEquals(404, portalTwo.get("/api/v1/contacts/" + id + "/timeline").status());
  }

  @Test
  void anotherPortalsTokenNeverSeesOrDeletesThisPortalsEventsOrRejections() {
    portalOne.event("_a=1&_n=one_event&email=one@example.com&unknown_thing=1");
    String id = portalOne.get("/api/v1/event-definitions").json().getJsonArray("results")
        .getJsonObject(0).getString("id");
    assertEquals(0, portalTwo.get("/api/v1/event-definitions").json().getJsonArray("results").size());
    assertEquals(0, portalTwo.get("/api/v1/rejections").json().getJsonArray("results").size());
    assertEquals(404, portalTwo.delete("/api/v1/event-definitions/" + id).status());
    assertEquals(1, portalOne.get("/api/v1/event-definitions").json().getJsonArray("results").size());
    assertEquals(2L, portalTwo.get("/api/v1/portal").json().getLong("hubId"));
  }

  @Test
  void unknownRouteIs404InTheErrorModel() {
    Answer answer = portalOne.get("/no/such/thing");
    assertEquals(404, answer.status());
    assertNotNull(answer.json().getString("correlationId"));
  }

  @Test
  void malformedJsonIs400AndWrongContentTypeIs415() {
    Answer malformed = portalOne.sendRaw("POST", "/api/v1/event-definitions", "application/json", "{\"name\": ");
    assertEquals(400, malformed.status());
    assertEquals("VALIDATION_ERROR", malformed.json().getString("category"));
    Answer wrongType = portalOne.sendRaw("POST", "/api/v1/event-definitions", "text/plain", "name=x");
    assertEquals(415, wrongType.status());
    Answer notAName = portalOne.send("POST", "/api/v1/event-definitions", new JsonObject().put("name", 5));
    assertEquals(400, notAName.status());
  }

  @Test
  void malformedQueryStringIs400NotAnInternalError() {
    assertEquals(400, portalOne.rawTarget("/crm/v3/objects/contacts/1?properties=%zz"));
    assertEquals(400, portalOne.rawTarget("/api/v1/rejections?limit=%ff"));
  }

  @Test
  void overTheDailyLimitIs429WithHubSpotsBodyAndHeaders() {
    server.spoor().portals().setLimits(2, new io.spoor.portal.RateLimits(10, 3));
    SpoorClient fresh = portalOne.withToken(server.spoor().portals().issueToken(2, "limited", Scope.all()).value());
    try {
      for (int i = 0; i < 3; i++) {
        Answer ok = fresh.get("/api/v1/portal");
        assertEquals(200, ok.status());
        assertEquals(Integer.toString(2 - i), ok.header("X-HubSpot-RateLimit-Daily-Remaining"));
        assertEquals("10", ok.header("X-HubSpot-RateLimit-Secondly"));
      }
      Answer refused = fresh.get("/api/v1/portal");
      assertEquals(429, refused.status());
      assertEquals("You have reached your daily limit.", refused.json().getString("message"));
      assertEquals("RATE_LIMIT", refused.json().getString("errorType"));
      assertEquals("DAILY", refused.json().getString("policyName"));
      assertEquals(200, portalOne.get("/api/v1/portal").status(), "another portal's token is not limited");
    } finally {
      server.spoor().portals().setLimits(2, new io.spoor.portal.RateLimits(0, 0));
    }
  }

  @Test
  void oversizedBodyIs413() {
    Answer answer = portalOne.sendRaw("POST", "/api/v1/event-definitions", "application/json",
        "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
    assertEquals(413, answer.status());
  }
}
