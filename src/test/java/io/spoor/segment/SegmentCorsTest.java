package io.spoor.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.SpoorClient.Answer;
import io.spoor.testkit.SpoorPerClass;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** analytics.js in cloud mode: a browser posting to Spoor's /v1/* from the site's own origin. */
class SegmentCorsTest extends SegmentPerClass {
  private static final String SITE = "https://shop.example";

  private static List<String> listed(Answer answer, String header) {
    String value = answer.header(header);
    assertTrue(value != null, header + " is missing");
    return Arrays.stream(value.split(",")).map(v -> v.trim().toLowerCase(Locale.ROOT)).toList();
  }

  @Test
  void thePreflightOfEveryPathAllowsAPostWithAuthorizationAndContentTypeFromAnyOrigin() {
    for (String path : List.of("/v1/batch", "/v1/track", "/v1/identify/", "/v1/page", "/v1/import/")) {
      Answer answer = calls.send("OPTIONS", path, Map.of("Origin", SITE, "Access-Control-Request-Method", "POST",
          "Access-Control-Request-Headers", "authorization, content-type"), new byte[0]);
      assertEquals(204, answer.status(), path + " " + answer.body());
      assertEquals("*", answer.header("Access-Control-Allow-Origin"), path);
      assertTrue(listed(answer, "Access-Control-Allow-Methods").contains("post"), path);
      List<String> headers = listed(answer, "Access-Control-Allow-Headers");
      assertTrue(headers.containsAll(List.of("authorization", "content-type")), path + " " + headers);
    }
  }

  @Test
  void aPostFromAnotherOriginIsTakenAndItsAnswerNamesTheOriginAllowed() {
    long before = calls.hitsTaken();
    Answer answer = calls.send("POST", "/v1/track", Map.of("Origin", SITE, "Authorization", SegmentCalls.basic(key),
        "Content-Type", "text/plain"), new JsonObject().put("anonymousId", "anon-1").put("event", "Viewed")
        .encode().getBytes(StandardCharsets.UTF_8));
    assertEquals(200, answer.status(), answer.body());
    assertEquals("*", answer.header("Access-Control-Allow-Origin"));
    assertEquals(before + 1, calls.hitsTaken());
  }

  @Test
  void aRefusalAlsoNamesTheOriginAllowedSoThatTheBrowserCanReadWhy() {
    Answer answer = calls.send("POST", "/v1/track", Map.of("Origin", SITE, "Content-Type", "application/json"),
        "{\"anonymousId\":\"a\",\"event\":\"Viewed\"}".getBytes(StandardCharsets.UTF_8));
    assertEquals(401, answer.status(), answer.body());
    assertEquals("*", answer.header("Access-Control-Allow-Origin"));
  }
}
