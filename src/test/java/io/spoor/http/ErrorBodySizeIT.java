package io.spoor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorPerClass;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** An error answer is bounded, however much of the request it would repeat. */
class ErrorBodySizeIT extends SpoorPerClass {
  @Test
  void aRequestWithThousandsOfBadPropertiesGetsABoundedError() {
    JsonObject properties = new JsonObject();
    for (int i = 0; properties.encode().length() < 850_000; i++) {
      properties.put("\u0001\"<bad>\u0002" + i + "\\".repeat(20), "\u0003".repeat(10));
    }
    SpoorClient.Answer answer = client.send("POST", "/crm/v3/objects/contacts",
        new JsonObject().put("properties", properties));
    assertEquals(400, answer.status(), answer.body().substring(0, 200));
    assertTrue(answer.body().length() <= ErrorMapper.MAX_BODY_CHARS, "error body of " + answer.body().length());
    JsonObject body = answer.json();
    assertEquals("VALIDATION_ERROR", body.getString("category"));
    assertTrue(body.getString("message").startsWith("Property values were not valid"), body.getString("message"));
    assertTrue(body.getString("message").endsWith("characters left out)"), body.getString("message"));
  }
}
