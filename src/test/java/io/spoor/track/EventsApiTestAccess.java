package io.spoor.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** Reads the tests of this package make through the API. */
final class EventsApiTestAccess {
  private EventsApiTestAccess() {
  }

  /** The properties of the contact with this email. */
  static JsonObject contact(SpoorClient client, String email, String... properties) {
    SpoorClient.Answer answer = client.get("/crm/v3/objects/contacts/"
        + URLEncoder.encode(email, StandardCharsets.UTF_8) + "?idProperty=email&properties="
        + String.join(",", properties));
    assertEquals(200, answer.status(), answer.body());
    return answer.json().getJsonObject("properties");
  }

  static List<JsonObject> rejections(SpoorClient client) {
    return client.get("/api/v1/rejections?limit=1000").json().getJsonArray("results").stream()
        .map(JsonObject.class::cast).collect(Collectors.toList());
  }
}
