package io.spoor.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorClient.Answer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Events HTTP API's rules (tracking reference §5–§7), on a real server and SQLite store. */
class EventsApiTest {
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
  void emailCreatesTheContactWithTheEvent() {
    client.event("_a=1&_n=created_by_email&email=New.Person@Example.com");
    JsonObject contact = contact("new.person@example.com", "email", "hs_analytics_num_event_completions");
    assertEquals("new.person@example.com", contact.getJsonObject("properties").getString("email"));
    assertEquals("1", contact.getJsonObject("properties").getString("hs_analytics_num_event_completions"));
  }

  @Test
  void idAloneNeverCreatesAContact() {
    client.event("_a=1&_n=id_alone&id=ext-never-seen");
    assertEquals(1, rejections("UNKNOWN_EXTERNAL_ID").stream()
        .filter(r -> r.getString("params").contains("ext-never-seen")).count());
    assertEquals(0, completions("id_alone"));
  }

  @Test
  void idIsAttributedToTheContactItWasFirstSeenWith() {
    client.event("_a=1&_n=id_link&email=first@example.com&id=ext-42");
    client.event("_a=1&_n=id_link&email=second@example.com&id=ext-42");
    client.event("_a=1&_n=id_link&id=ext-42");
    assertEquals("2", analytics("first@example.com", "hs_analytics_num_event_completions"));
    assertEquals("1", analytics("second@example.com", "hs_analytics_num_event_completions"));
  }

  @Test
  void revenueAddsUp() {
    client.event("_a=1&_n=purchase&email=buyer@example.com&_m=12.5");
    client.event("_m=7.25&email=buyer@example.com&_n=purchase&_a=1");
    client.event("_a=1&_n=purchase&email=buyer@example.com&_m=0.255");
    assertEquals("20.005", analytics("buyer@example.com", "hs_analytics_revenue"));
  }

  @Test
  void otherParametersSetTypedContactProperties() {
    client.event("_a=1&_n=profile&email=typed@example.com&firstname=Ada&total_revenue=1e3"
        + "&closedate=2024-05-01T10:00:00Z&lifecyclestage=lead");
    JsonObject p = contact("typed@example.com", "firstname", "total_revenue", "closedate", "lifecyclestage")
        .getJsonObject("properties");
    assertEquals("Ada", p.getString("firstname"));
    assertEquals("1000", p.getString("total_revenue"));
    assertEquals("2024-05-01T10:00:00Z", p.getString("closedate"));
    assertEquals("lead", p.getString("lifecyclestage"));
  }

  @Test
  void valuesOfTheWrongTypeAreRejectedAndTheRestApplied() {
    client.event("_a=1&_n=profile&email=wrongtype@example.com&total_revenue=abc&lastname=Lovelace"
        + "&lifecyclestage=unicorn");
    JsonObject p = contact("wrongtype@example.com", "total_revenue", "lastname", "lifecyclestage")
        .getJsonObject("properties");
    assertNull(p.getString("total_revenue"));
    assertNull(p.getString("lifecyclestage"));
    assertEquals("Lovelace", p.getString("lastname"));
    List<JsonObject> invalid = rejectionsOf("wrongtype@example.com", "INVALID_PROPERTY_VALUE");
    assertEquals(1, invalid.size());
    assertEquals("PARTIALLY_APPLIED", invalid.get(0).getString("outcome"));
    assertEquals(2, parts(invalid.get(0), "INVALID_PROPERTY_VALUE"));
  }

  @Test
  void lifecycleStageOnlyMovesForward() {
    client.event("_a=1&_n=stage&email=stage@example.com&lifecyclestage=customer");
    client.event("_a=1&_n=stage&email=stage@example.com&lifecyclestage=lead");
    assertEquals("customer", contact("stage@example.com", "lifecyclestage")
        .getJsonObject("properties").getString("lifecyclestage"));
    assertEquals(1, rejectionsOf("stage@example.com", "INVALID_PROPERTY_VALUE").size());
  }

  @Test
  void readOnlyAndUnknownPropertiesAreNotApplied() {
    client.event("_a=1&_n=ro&email=readonly@example.com&hs_analytics_revenue=1000&favourite_colour=red");
    assertEquals("0", analytics("readonly@example.com", "hs_analytics_revenue"));
    List<JsonObject> refused = rejectionsOf("readonly@example.com", "READ_ONLY_PROPERTY");
    assertEquals(1, refused.size());
    assertEquals(1, parts(refused.get(0), "READ_ONLY_PROPERTY"));
    assertEquals(1, parts(refused.get(0), "UNKNOWN_PROPERTY"));
  }

  @Test
  void dynamicEventIsCreatedOnceAndCounted() {
    client.event("_a=1&_n=dynamic_once&email=d1@example.com");
    client.event("_a=1&_n=dynamic_once&email=d2@example.com");
    List<JsonObject> named = definitions().stream().filter(d -> d.getString("name").equals("dynamic_once"))
        .collect(Collectors.toList());
    assertEquals(1, named.size());
    assertEquals("dynamic", named.get(0).getString("origin"));
    assertEquals(2L, named.get(0).getLong("completions"));
    assertTrue(named.get(0).getString("id").matches("\\d{12}"));
  }

  @Test
  void deletedDynamicNameIsNotRecreated() {
    client.event("_a=1&_n=short_lived&email=d3@example.com");
    String id = definition("short_lived").getString("id");
    assertEquals(204, client.delete("/api/v1/event-definitions/" + id).status());
    client.event("_a=1&_n=short_lived&email=d3@example.com");
    assertTrue(definitions().stream().noneMatch(d -> d.getString("name").equals("short_lived")));
    assertEquals(1, rejectionsOf("short_lived", "DELETED_EVENT_NAME").size());
  }

  @Test
  void appEventTriggersByIdButNotByName() {
    Answer created = client.send("POST", "/api/v1/event-definitions", new JsonObject().put("name", "App Signup"));
    assertEquals(201, created.status());
    assertEquals("app", created.json().getString("origin"));
    String id = created.json().getString("id");
    client.event("_a=1&_n=App+Signup&email=app@example.com");
    client.event("_a=1&_n=" + id + "&email=app@example.com");
    client.event("_a=1&_n=" + Long.parseLong(id) + "&email=app@example.com");
    assertEquals(2L, definition("App Signup").getLong("completions"));
    assertEquals(1, rejectionsOf("App+Signup", "APP_EVENT_BY_NAME").size());
  }

  @Test
  void unknownNumericEventIdIsRejected() {
    client.event("_a=1&_n=000000999999&email=numeric@example.com");
    assertEquals(1, rejectionsOf("000000999999", "UNKNOWN_EVENT_ID").size());
  }

  @Test
  void theSameHitIdIsAppliedOnce() {
    Map<String, String> key = Map.of("Idempotency-Key", "retry-1");
    for (int i = 0; i < 3; i++) {
      assertEquals(200, client.raw("/v1/event?_a=1&_n=retried&email=retry@example.com&_m=5", key).statusCode());
    }
    assertEquals("1", analytics("retry@example.com", "hs_analytics_num_event_completions"));
    assertEquals("5", analytics("retry@example.com", "hs_analytics_revenue"));
  }

  @Test
  void aKeySentFirstWithAnotherHitDoesNotSuppressTheRealHitAndTheReuseIsCounted() {
    Map<String, String> key = Map.of("Idempotency-Key", "order-1001");
    assertEquals(200, client.raw("/v1/event?_a=1&_n=squatted&email=squatter@example.com", key).statusCode());
    for (int i = 0; i < 2; i++) {
      assertEquals(200, client.raw("/v1/event?_a=1&_n=squatted&email=buyer-1001@example.com&_m=7", key)
          .statusCode());
    }
    assertEquals(200, client.raw("/v1/event?_m=7&email=buyer-1001@example.com&_n=squatted&_a=1", key)
        .statusCode());
    server.awaitApplied();
    assertEquals("1", analytics("buyer-1001@example.com", "hs_analytics_num_event_completions"));
    assertEquals("7", analytics("buyer-1001@example.com", "hs_analytics_revenue"));
    assertEquals("1", analytics("squatter@example.com", "hs_analytics_num_event_completions"));
    assertTrue(new String(client.raw("/metrics", Map.of()).body(), StandardCharsets.UTF_8)
        .contains("spoor_ingest_idempotency_key_reused_total 1"));
  }

  @Test
  void trailingSlashAndApiKeyAreAccepted() {
    assertEquals(200, client.raw("/v1/event/?hapikey=abc&_n=slash&_a=1&email=slash@example.com", Map.of())
        .statusCode());
    assertEquals("1", analytics("slash@example.com", "hs_analytics_num_event_completions"));
    assertTrue(rejectionsOf("slash@example.com", "UNKNOWN_PROPERTY").isEmpty());
  }

  @Test
  void theAnswerIsTheGif() {
    var answer = client.raw("/v1/event?_a=1&_n=gif&email=gif@example.com", Map.of());
    assertEquals("image/gif", answer.headers().firstValue("content-type").orElse(""));
    assertEquals("GIF89a", new String(answer.body(), 0, 6, StandardCharsets.US_ASCII));
  }

  static JsonObject contact(String email, String... properties) {
    Answer answer = client.get("/crm/v3/objects/contacts/" + URLEncoder.encode(email, StandardCharsets.UTF_8)
        + "?idProperty=email&properties=" + String.join(",", properties));
    assertEquals(200, answer.status(), answer.body());
    return answer.json();
  }

  static String analytics(String email, String property) {
    return contact(email, property).getJsonObject("properties").getString(property);
  }

  static List<JsonObject> rejections(String reason) {
    JsonArray results = client.get("/api/v1/rejections?limit=1000").json().getJsonArray("results");
    return results.stream().map(JsonObject.class::cast).filter(r -> r.getString("reason").equals(reason))
        .collect(Collectors.toList());
  }

  /** Rejections with this reason whose raw parameters contain {@code marker}. */
  static List<JsonObject> rejectionsOf(String marker, String reason) {
    return rejections(reason).stream().filter(r -> r.getString("params").contains(marker))
        .collect(Collectors.toList());
  }

  /** How many of the rejection's named parts have this reason. */
  static long parts(JsonObject rejection, String reason) {
    return rejection.getJsonArray("parts").stream().map(JsonObject.class::cast)
        .filter(p -> p.getString("reason").equals(reason)).count();
  }

  static List<JsonObject> definitions() {
    return client.get("/api/v1/event-definitions").json().getJsonArray("results").stream()
        .map(JsonObject.class::cast).collect(Collectors.toList());
  }

  static JsonObject definition(String name) {
    return definitions().stream().filter(d -> d.getString("name").equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no definition " + name));
  }

  static long completions(String name) {
    return definitions().stream().filter(d -> d.getString("name").equals(name))
        .mapToLong(d -> d.getLong("completions")).sum();
  }
}
