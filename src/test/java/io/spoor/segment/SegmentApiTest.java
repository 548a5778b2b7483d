package io.spoor.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorClient.Answer;
import io.spoor.testkit.SpoorPerClass;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Segment's HTTP Tracking API at the edge: what each call is answered, and what it makes durable. */
class SegmentApiTest extends SegmentPerClass {

  private static JsonObject identify() {
    return new JsonObject().put("userId", "u-" + UUID.randomUUID()).put("messageId", UUID.randomUUID().toString())
        .put("traits", new JsonObject().put("email", "a@example.com"));
  }

  private static void assertSegmentError(Answer answer, int status, String code) {
    assertEquals(status, answer.status(), answer.body());
    JsonObject body = answer.json();
    assertEquals(code, body.getString("code"), answer.body());
    assertTrue(body.getString("message") != null && !body.getString("message").isBlank(), answer.body());
  }

  @Test
  void identifyWithTheWriteKeyAsBasicUserIsAnsweredSuccessOnceDurable() {
    long before = calls.hitsTaken();
    Answer answer = calls.post("/v1/identify", key, identify());
    assertEquals(200, answer.status(), answer.body());
    assertEquals(true, answer.json().getBoolean("success"));
    assertEquals(before + 1, calls.hitsTaken());
  }

  @Test
  void writeKeyInTheBodyIsEnoughWithoutBasicAuth() {
    long before = calls.hitsTaken();
    JsonObject track = new JsonObject().put("anonymousId", "anon-1").put("event", "Signed Up").put("writeKey", key);
    Answer answer = calls.post("/v1/track", Map.of("Content-Type", "application/json"),
        track.encode().getBytes(StandardCharsets.UTF_8));
    assertEquals(200, answer.status(), answer.body());
    assertEquals(before + 1, calls.hitsTaken());
  }

  @Test
  void everyCallHasItsPathWithAndWithoutATrailingSlash() {
    long before = calls.hitsTaken();
    JsonObject message = new JsonObject().put("userId", "u-1").put("event", "Clicked").put("groupId", "g-1")
        .put("previousId", "old-1");
    int sent = 0;
    for (String type : List.of("identify", "track", "page", "screen", "group", "alias")) {
      for (String path : List.of("/v1/" + type, "/v1/" + type + "/")) {
        assertEquals(200, calls.post(path, key, message.copy()).status(), path);
        sent++;
      }
    }
    JsonObject batch = new JsonObject().put("batch", new JsonArray().add(message.copy().put("type", "track")));
    for (String path : List.of("/v1/batch", "/v1/batch/", "/v1/import", "/v1/import/")) {
      assertEquals(200, calls.post(path, key, batch.copy()).status(), path);
      sent++;
    }
    assertEquals(before + sent, calls.hitsTaken());
  }

  @Test
  void missingWriteKeyIsRefusedWith401InSegmentsShape() {
    Answer answer = calls.post("/v1/identify", Map.of("Content-Type", "application/json"),
        identify().encode().getBytes(StandardCharsets.UTF_8));
    assertSegmentError(answer, 401, "unauthorized");
  }

  @Test
  void unknownWriteKeyIsRefusedWith401() {
    assertSegmentError(calls.post("/v1/identify", "no-such-key-0123456789", identify()), 401, "unauthorized");
    JsonObject inBody = identify().put("writeKey", "no-such-key-0123456789");
    assertSegmentError(calls.post("/v1/identify", Map.of("Content-Type", "application/json"),
        inBody.encode().getBytes(StandardCharsets.UTF_8)), 401, "unauthorized");
  }

  @Test
  void revokedWriteKeyIsRefusedAtOnce() {
    String id = client.get("/api/v1/write-keys?limit=1000").json().getJsonArray("results").stream()
        .map(JsonObject.class::cast).reduce((a, b) -> b).orElseThrow().getString("id");
    assertEquals(200, calls.post("/v1/identify", key, identify()).status());
    assertEquals(204, client.delete("/api/v1/write-keys/" + id).status());
    assertSegmentError(calls.post("/v1/identify", key, identify()), 401, "unauthorized");
  }

  @Test
  void bodyThatIsNotJsonIsRefusedWith400() {
    Answer answer = calls.post("/v1/identify", key, "{\"userId\": ");
    assertSegmentError(answer, 400, "bad_request");
  }

  @Test
  void jsonThatIsNotAnObjectIsRefusedWith400() {
    Answer answer = calls.post("/v1/batch", key, "[{\"type\":\"track\"}]");
    assertSegmentError(answer, 400, "bad_request");
  }

  @Test
  void messageWithNeitherUserIdNorAnonymousIdIsRefusedWith400() {
    Answer answer = calls.post("/v1/identify", key, new JsonObject().put("traits", new JsonObject()));
    assertSegmentError(answer, 400, "bad_request");
    assertTrue(answer.json().getString("message").contains("userId or anonymousId"), answer.body());
  }

  @Test
  void trackWithoutAStringEventIsRefusedWith400() {
    assertSegmentError(calls.post("/v1/track", key, new JsonObject().put("userId", "u")), 400, "bad_request");
    assertSegmentError(calls.post("/v1/track", key, new JsonObject().put("userId", "u").put("event", 12)), 400,
        "bad_request");
  }

  @Test
  void aSingleCallIsRefusedWith400ForAnythingTheMappingWouldRejectAsMalformed() {
    long before = calls.hitsTaken();
    assertSegmentError(calls.post("/v1/identify", key, identify().put("userId", "u".repeat(256))), 400,
        "bad_request");
    assertSegmentError(calls.post("/v1/group", key, new JsonObject().put("userId", "u")
        .put("traits", new JsonObject().put("website", "https://example.com"))), 400, "bad_request");
    Answer alias = calls.post("/v1/alias", key, new JsonObject().put("userId", "u"));
    assertSegmentError(alias, 400, "bad_request");
    assertTrue(alias.json().getString("message").contains("previousId"), alias.body());
    assertEquals(before, calls.hitsTaken());
  }

  @Test
  void messageIdOverOneHundredCharactersIsRefusedWith400() {
    Answer answer = calls.post("/v1/identify", key, identify().put("messageId", "m".repeat(101)));
    assertSegmentError(answer, 400, "bad_request");
    assertTrue(answer.json().getString("message").contains("messageId"), answer.body());
  }

  @Test
  void wrongContentTypeIsRefusedWith400() {
    Answer answer = calls.post("/v1/identify", Map.of("Authorization", SegmentCalls.basic(key),
        "Content-Type", "application/x-www-form-urlencoded"), "userId=u".getBytes(StandardCharsets.UTF_8));
    assertSegmentError(answer, 400, "bad_request");
  }

  @Test
  void textPlainBodiesAsAnalyticsJsSendsThemAreTaken() {
    long before = calls.hitsTaken();
    JsonObject page = new JsonObject().put("anonymousId", "anon-browser").put("writeKey", key)
        .put("properties", new JsonObject().put("url", "https://example.com/"));
    Answer answer = calls.post("/v1/page", Map.of("Content-Type", "text/plain;charset=UTF-8"),
        page.encode().getBytes(StandardCharsets.UTF_8));
    assertEquals(200, answer.status(), answer.body());
    assertEquals(before + 1, calls.hitsTaken());
  }

  @Test
  void aNumberOutOfRangeIsRefusedWith400() {
    Answer answer = calls.post("/v1/track", key, "{\"userId\":\"u\",\"event\":\"e\",\"properties\":{\"revenue\":1e400}}");
    assertSegmentError(answer, 400, "bad_request");
  }

  @Test
  void aBadCallLeavesWhatWasTakenBeforeItUntouched() {
    long before = calls.hitsTaken();
    assertEquals(200, calls.post("/v1/identify", key, identify()).status());
    assertSegmentError(calls.post("/v1/identify", key, "{\"batch\": ["), 400, "bad_request");
    assertEquals(before + 1, calls.hitsTaken());
    assertEquals(200, calls.post("/v1/identify", key, identify()).status());
    assertEquals(before + 2, calls.hitsTaken());
  }

  @Test
  void gzipBodyIsInflatedAndTaken() {
    long before = calls.hitsTaken();
    JsonObject batch = new JsonObject().put("batch", new JsonArray().add(identify().put("type", "identify")))
        .put("writeKey", key);
    Answer answer = calls.post("/v1/batch", Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"),
        SegmentCalls.gzip(batch.encode().getBytes(StandardCharsets.UTF_8)));
    assertEquals(200, answer.status(), answer.body());
    assertEquals(before + 1, calls.hitsTaken());
  }

  @Test
  void gzipBodyThatInflatesPastTheRequestLimitIsRefusedWith413() {
    // 64 MB of spaces inside a JSON string: about 64 KB of gzip
    byte[] bomb = new byte[64 << 20];
    java.util.Arrays.fill(bomb, (byte) ' ');
    bomb[0] = '{';
    bomb[bomb.length - 1] = '}';
    Answer answer = calls.post("/v1/batch", Map.of("Authorization", SegmentCalls.basic(key),
        "Content-Type", "application/json", "Content-Encoding", "gzip"), SegmentCalls.gzip(bomb));
    assertSegmentError(answer, 413, "payload_too_large");
    assertTrue(answer.json().getString("message").contains("inflated"), answer.body());
  }

  @Test
  void bodyThatIsNotGzipAsItsEncodingSaysIsRefusedWith400() {
    Answer answer = calls.post("/v1/identify", Map.of("Authorization", SegmentCalls.basic(key),
        "Content-Type", "application/json", "Content-Encoding", "gzip"),
        identify().encode().getBytes(StandardCharsets.UTF_8));
    assertSegmentError(answer, 400, "bad_request");
  }

  @Test
  void singleMessageOverThirtyTwoKilobytesIsRefusedWith413() {
    JsonObject big = identify();
    big.getJsonObject("traits").put("notes", "x".repeat(33 * 1024));
    assertSegmentError(calls.post("/v1/identify", key, big), 413, "payload_too_large");
  }

  @Test
  void requestOverFiveHundredKilobytesIsRefusedWith413() {
    JsonArray batch = new JsonArray();
    for (int i = 0; i < 30; i++) {
      batch.add(identify().put("type", "identify").put("properties", new JsonObject().put("pad", "y".repeat(20_000))));
    }
    assertSegmentError(calls.post("/v1/batch", key, new JsonObject().put("batch", batch)), 413, "payload_too_large");
  }

  @Test
  void batchOfMoreThanTwentyFiveHundredMessagesIsRefusedWith413() {
    JsonArray batch = new JsonArray();
    for (int i = 0; i < 2_501; i++) {
      batch.add(new JsonObject().put("type", "track").put("userId", "u").put("event", "e"));
    }
    assertSegmentError(calls.post("/v1/batch", key, new JsonObject().put("batch", batch)), 413, "payload_too_large");
  }

  @Test
  void tenThousandDistinctTraitKeysAreOverTheMessageLimit() {
    JsonObject traits = new JsonObject();
    for (int i = 0; i < 10_000; i++) {
      traits.put("trait_" + i, i);
    }
    assertSegmentError(calls.post("/v1/identify", key, identify().put("traits", traits)), 413, "payload_too_large");
  }

  @Test
  void deeplyNestedTraitsAreRefusedWith400() {
    String nested = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
    String body = "{\"userId\":\"u\",\"traits\":" + nested + "}";
    Answer answer = calls.post("/v1/identify", key, body);
    assertSegmentError(answer, 400, "bad_request");
  }

  @Test
  void sameMessageIdTwiceCountsOnce() {
    long before = calls.hitsTaken();
    long duplicatesBefore = calls.duplicates();
    JsonObject message = identify();
    assertEquals(200, calls.post("/v1/identify", key, message.copy().put("sentAt", "2024-01-01T00:00:00Z")).status());
    // a retry: the same message, sent later in a batch
    JsonObject retry = new JsonObject().put("batch", new JsonArray().add(message.copy().put("type", "identify")))
        .put("sentAt", "2024-01-01T00:00:05Z");
    assertEquals(200, calls.post("/v1/batch", key, retry).status());
    assertEquals(before + 1, calls.hitsTaken());
    assertEquals(duplicatesBefore + 1, calls.duplicates());
  }

  @Test
  void batchWithBadElementsKeepsTheGoodOnesAndRejectsEachBadOneWithItsReason() {
    long before = calls.hitsTaken();
    long invalidBefore = calls.rejections(client, "INVALID_SEGMENT_MESSAGE");
    long largeBefore = calls.rejections(client, "SEGMENT_MESSAGE_TOO_LARGE");
    JsonObject tooLarge = identify().put("type", "identify");
    tooLarge.getJsonObject("traits").put("notes", "z".repeat(40 * 1024));
    JsonArray batch = new JsonArray().add(identify().put("type", "identify")).add("not a message").add(42)
        .add(new JsonObject().put("type", "purchase").put("userId", "u"))
        .add(identify().put("type", "identify").put("messageId", "m".repeat(101)))
        .add(tooLarge)
        .add(new JsonObject().put("type", "track").put("userId", "u").put("event", "Played"));
    Answer answer = calls.post("/v1/batch", key, new JsonObject().put("batch", batch));
    assertEquals(200, answer.status(), answer.body());
    assertEquals(before + 7, calls.hitsTaken());
    assertEquals(invalidBefore + 4, calls.rejections(client, "INVALID_SEGMENT_MESSAGE"));
    assertEquals(largeBefore + 1, calls.rejections(client, "SEGMENT_MESSAGE_TOO_LARGE"));
  }

  @Test
  void inABatchWhatAMessageMustCarryIsLeftToTheApplierAndTheBatchIsTaken() {
    long before = calls.hitsTaken();
    JsonArray batch = new JsonArray().add(new JsonObject().put("type", "identify").put("traits", new JsonObject()))
        .add(new JsonObject().put("type", "track").put("userId", "u"));
    Answer answer = calls.post("/v1/batch", key, new JsonObject().put("batch", batch));
    assertEquals(200, answer.status(), answer.body());
    assertEquals(before + 2, calls.hitsTaken());
  }

  @Test
  void writeKeyOfAnotherPortalFilesItsMessagesUnderThatPortal() {
    SpoorClient other = server.newPortal(20 + (long) (Math.random() * 1_000_000), io.spoor.http.Scope.all());
    String otherKey = new SegmentCalls(server, other).newWriteKey();
    long ownBefore = calls.rejections(client, "INVALID_SEGMENT_MESSAGE");
    JsonObject batch = new JsonObject().put("batch", new JsonArray().add("bad element"));
    assertEquals(200, calls.post("/v1/batch", otherKey, batch).status());
    assertEquals(1, calls.rejections(other, "INVALID_SEGMENT_MESSAGE"));
    assertEquals(ownBefore, calls.rejections(client, "INVALID_SEGMENT_MESSAGE"));
  }

  @Test
  void batchWithoutAnArrayIsRefusedWith400() {
    assertSegmentError(calls.post("/v1/batch", key, new JsonObject().put("batch", "none")), 400, "bad_request");
  }

  @Test
  void refusedCallsAreCountedByStatus() {
    calls.post("/v1/identify", "unknown-write-key-0000000000", identify());
    String metrics = client.get("/metrics").body();
    assertTrue(metrics.lines().anyMatch(l -> l.startsWith("spoor_segment_refused_total") && l.contains("\"401\"")),
        metrics);
  }
}
