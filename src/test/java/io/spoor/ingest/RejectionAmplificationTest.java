package io.spoor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.http.Scope;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorClient.Answer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hit with many refused parts costs one bounded rejection, per-hit caps refuse what is beyond
 * them, and a portal's rejection list and a batch's rejection bytes stay within their bounds even
 * within one batch. Small limits make each bound show with a few requests; each test has a portal
 * of its own.
 */
class RejectionAmplificationTest {
  private static final int KEPT = 10;
  private static final int MAX_PARAMS = 20;
  private static final int MAX_PROPERTIES = 5;
  private static final int BATCH_BYTES = 8 * 1024;

  private static RunningSpoor server;

  @BeforeAll
  static void start() {
    server = RunningSpoor.start(Map.of("rejections-kept", Integer.toString(KEPT),
        "max-params-per-hit", Integer.toString(MAX_PARAMS),
        "max-properties-per-event", Integer.toString(MAX_PROPERTIES),
        "rejection-bytes-per-batch", Integer.toString(BATCH_BYTES)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aHitWithManyRefusedParametersKeepsOneRejectionNamingThem() {
    SpoorClient portal = portal(201);
    portal.event("_a=201&_n=many&email=many@example.com&" + unknownParams(15));
    List<JsonObject> kept = rejections(portal);
    assertEquals(1, kept.size(), kept.toString());
    JsonObject rejection = kept.get(0);
    assertEquals("UNKNOWN_PROPERTY", rejection.getString("reason"));
    assertEquals("PARTIALLY_APPLIED", rejection.getString("outcome"));
    JsonArray parts = rejection.getJsonArray("parts");
    assertEquals(10, parts.size(), parts.encode());
    assertEquals(5, rejection.getInteger("moreParts"));
    assertEquals("no contact property named p0", parts.getJsonObject(0).getString("detail"));
    assertTrue(rejection.getString("detail").startsWith("15 parts refused: no contact property named p0; "),
        rejection.getString("detail"));
    assertTrue(rejection.getString("detail").endsWith(" more"), rejection.getString("detail"));
  }

  @Test
  void parametersBeyondTheCapAreRefusedTogetherWithTheirReasonAndCounted() {
    SpoorClient portal = portal(202);
    portal.event("_a=202&_n=capped&email=capped@example.com&lastname=Early&" + unknownParams(MAX_PARAMS + 5)
        + "&firstname=Late");
    JsonObject contact = portal.get("/crm/v3/objects/contacts/capped%40example.com?idProperty=email"
        + "&properties=firstname,lastname").json().getJsonObject("properties");
    assertEquals("Early", contact.getString("lastname"));
    assertNull(contact.getString("firstname"));
    List<JsonObject> kept = rejections(portal);
    assertEquals(1, kept.size(), kept.toString());
    String capPart = kept.get(0).getJsonArray("parts").stream().map(JsonObject.class::cast)
        .filter(p -> p.getString("reason").equals("TOO_MANY_PARAMETERS")).map(p -> p.getString("detail"))
        .findFirst().orElseThrow(() -> new AssertionError("no cap part in " + kept.get(0).encode()));
    assertEquals("7 parameters beyond the first 20 were not applied: p19, p20, p21, p22, p23, …", capPart);
    String metrics = new String(server.client().raw("/metrics", Map.of()).body());
    assertTrue(metrics.contains("spoor_refused_by_cap_total{kind=\"event_api\"} 7"), metrics);
    assertTrue(metrics.contains("spoor_rejections_total{reason=\"TOO_MANY_PARAMETERS\"} 1"), metrics);
  }

  @Test
  void behaviouralEventPropertiesBeyondTheCapAreRefused() {
    SpoorClient portal = portal(203);
    JsonArray declared = new JsonArray();
    JsonObject properties = new JsonObject();
    for (int i = 0; i < MAX_PROPERTIES + 3; i++) {
      declared.add(new JsonObject().put("name", "q" + i).put("label", "Q" + i).put("type", "string"));
      properties.put("q" + i, "v" + i);
    }
    Answer created = portal.send("POST", "/events/v3/event-definitions", new JsonObject().put("label", "Wide")
        .put("name", "wide").put("primaryObject", "CONTACT").put("propertyDefinitions", declared));
    assertEquals(201, created.status(), created.body());
    assertEquals(204, portal.send("POST", "/events/v3/send", new JsonObject().put("eventName", "pe203_wide")
        .put("email", "wide@example.com").put("properties", properties)).status());
    server.awaitApplied();
    JsonObject event = portal.get("/api/v1/contacts/wide%40example.com/timeline?idProperty=email").json()
        .getJsonArray("results").getJsonObject(0);
    assertEquals(MAX_PROPERTIES, event.getJsonObject("properties").size(), event.encode());
    List<JsonObject> kept = rejections(portal);
    assertEquals(1, kept.size(), kept.toString());
    assertEquals("TOO_MANY_PROPERTIES", kept.get(0).getString("reason"));
    assertTrue(kept.get(0).getString("detail").startsWith("3 properties beyond the first 5 were not applied: q5, q6, q7"),
        kept.get(0).getString("detail"));
  }

  @Test
  void aBatchOfRefusedEventsNeverLeavesMoreThanTheBoundAndKeepsTheNewest() {
    SpoorClient portal = portal(204);
    portal.event("_a=204&_n=older&email=older@example.com&nonsense=1");
    assertEquals(1, rejections(portal).size());
    define(portal, "anything");
    assertEquals(204, portal.send("POST", "/events/v3/send/batch", unknownContacts(40, 0)).status());
    server.awaitApplied();
    List<JsonObject> kept = rejections(portal);
    assertEquals(KEPT, kept.size());
    List<String> contacts = kept.stream().map(r -> r.getJsonArray("parts").getJsonObject(0).getString("detail"))
        .collect(Collectors.toList());
    assertEquals(IntStream.range(30, 40).map(i -> 39 + 30 - i).mapToObj(i -> "no contact with id " + (900_000 + i))
        .collect(Collectors.toList()), contacts);
  }

  @Test
  void aBatchWritesItsRejectionsWithinItsByteBudgetAndStillKeepsEveryOne() {
    SpoorClient portal = portal(205);
    define(portal, "anything");
    assertEquals(204, portal.send("POST", "/events/v3/send/batch", unknownContacts(KEPT, 2_000)).status());
    server.awaitApplied();
    List<JsonObject> kept = rejections(portal);
    assertEquals(KEPT, kept.size());
    // the ten events may be applied in more than one batch, each with a budget of its own
    int paramBytes = kept.stream().mapToInt(r -> r.getString("params").length()).sum();
    assertTrue(paramBytes <= 2 * BATCH_BYTES, "raw parameters kept: " + paramBytes + " bytes");
    long cut = kept.stream().filter(r -> r.getString("params").startsWith("[not kept")).count();
    assertTrue(cut >= KEPT / 2, cut + " of " + KEPT + " kept without their raw parameters");
    assertTrue(kept.stream().allMatch(r -> r.getString("reason").equals("UNKNOWN_CONTACT")));
  }

  private static SpoorClient portal(long hubId) {
    return server.newPortal(hubId, EnumSet.allOf(Scope.class));
  }

  private static void define(SpoorClient portal, String name) {
    Answer created = portal.send("POST", "/events/v3/event-definitions", new JsonObject().put("label", name)
        .put("name", name).put("primaryObject", "CONTACT"));
    assertEquals(201, created.status(), created.body());
  }

  private static String unknownParams(int n) {
    return IntStream.range(0, n).mapToObj(i -> "p" + i + "=x").collect(Collectors.joining("&"));
  }

  /** A batch of events about contact ids no portal has, each with a property of {@code padding} characters. */
  private static JsonObject unknownContacts(int n, int padding) {
    JsonArray inputs = new JsonArray();
    for (int i = 0; i < n; i++) {
      inputs.add(new JsonObject().put("eventName", "anything").put("objectId", Integer.toString(900_000 + i))
          .put("properties", new JsonObject().put("padding", "x".repeat(padding))));
    }
    return new JsonObject().put("inputs", inputs);
  }

  private static List<JsonObject> rejections(SpoorClient portal) {
    server.awaitApplied();
    return portal.get("/api/v1/rejections?limit=1000").json().getJsonArray("results").stream()
        .map(JsonObject.class::cast).collect(Collectors.toList());
  }
}
