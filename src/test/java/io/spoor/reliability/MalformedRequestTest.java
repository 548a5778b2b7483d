package io.spoor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.RunningSpoor;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The malformed requests the fuzzer first found answered 500, each with the answer it gets now. */
class MalformedRequestTest {
  private static final Map<String, String> JSON = Map.of("Authorization", "Bearer " + RunningSpoor.TOKEN,
      "Content-Type", "application/json");
  private static RunningSpoor server;

  @BeforeAll
  static void start() {
    server = RunningSpoor.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET /%zz", "GET /crm/v3/objects/contacts/%zz", "GET /crm/v3/properties/contacts/%C3",
      "GET /crm/v4/objects/%/1/associations/contacts", "DELETE /api/v1/tokens/%zz", "PATCH /crm/v3/objects/contacts/%",
      "GET /analytics/%/1.js"})
  void aBrokenEscapeInThePathIsA400InTheErrorModel(String request) throws IOException {
    String[] parts = request.split(" ");
    RawHttp.Answer answer = send(parts[0], parts[1], JSON, parts[0].equals("PATCH") ? "{}" : null);
    assertEquals(400, answer.status(), answer.text());
    assertEquals("VALIDATION_ERROR", new JsonObject(answer.text()).getString("category"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[1,2]", "[{\"properties\":{\"email\":\"array@example.com\"}}]", "\"text\"", "12",
      "99999999999999999999", "true", "1e400"})
  void aBodyThatIsJsonButNotAnObjectIsA400(String body) throws IOException {
    for (String path : new String[] {"/crm/v3/objects/contacts", "/api/v1/tokens", "/events/v3/send",
        "/crm/v3/objects/contacts/search"}) {
      RawHttp.Answer answer = send("POST", path, JSON, body);
      assertEquals(400, answer.status(), path + " " + answer.text());
      assertTrue(answer.text().contains("JSON"), answer.text());
    }
    assertEquals(404, server.client().get("/crm/v3/objects/contacts/array@example.com?idProperty=email").status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"properties\":{\"email\":\"big@example.com\",\"total_revenue\":1e400}}",
      "{\"properties\":{\"email\":\"big@example.com\",\"firstname\":-1e400}}",
      "{\"properties\":{\"email\":\"big@example.com\"},\"extra\":[[[1e999]]]}"})
  void aNumberBeyondADoublesRangeIsA400AndNothingIsStored(String body) throws IOException {
    RawHttp.Answer answer = send("POST", "/crm/v3/objects/contacts", JSON, body);
    assertEquals(400, answer.status(), answer.text());
    assertEquals(404, server.client().get("/crm/v3/objects/contacts/big@example.com?idProperty=email").status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/x-www-form-urlencoded", "multipart/form-data; boundary=b"})
  void aFormBodyIsA415EvenWithAFieldLongerThanTheFormDecoderTakes(String type) throws IOException {
    String body = type.startsWith("multipart")
        ? "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\n" + "v".repeat(20_000) + "\r\n--b--\r\n"
        : "f=" + "v".repeat(20_000);
    RawHttp.Answer answer = send("POST", "/crm/v3/objects/contacts", Map.of("Authorization",
        "Bearer " + RunningSpoor.TOKEN, "Content-Type", type), body);
    assertEquals(415, answer.status(), answer.text());
  }

  @Test
  void anErrorNeverRepeatsTheTokenOfItsRequestOrAnythingShapedLikeOne() throws IOException {
    String issued = "pat-na1-12345678-1234-4234-8234-123456789abc";
    for (String target : new String[] {"/crm/v3/objects/contacts/" + RunningSpoor.TOKEN,
        "/api/v1/visitors/" + RunningSpoor.TOKEN, "/crm/v3/objects/contacts?after=" + RunningSpoor.TOKEN,
        "/crm/v3/objects/contacts/" + issued, "/api/v1/visitors/" + issued}) {
      RawHttp.Answer answer = send("GET", target, JSON, null);
      assertTrue(answer.status() == 400 || answer.status() == 404, target + " " + answer.text());
      assertFalse(answer.text().contains(RunningSpoor.TOKEN) || answer.text().contains(issued), answer.text());
      assertTrue(answer.text().contains("[redacted]"), answer.text());
    }
    RawHttp.Answer plain = send("GET", "/api/v1/visitors/0123456789abcdef", JSON, null);
    assertTrue(plain.text().contains("0123456789abcdef"), "an id that is no token is still named: " + plain.text());
  }

  private static RawHttp.Answer send(String method, String target, Map<String, String> headers, String body)
      throws IOException {
    try (RawHttp client = new RawHttp(server.spoor().port(), Duration.ofSeconds(10))) {
      return client.exchange(RawHttp.request(method, target, headers,
          body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
    }
  }
}
