package io.spoor.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient.Answer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A batch the ingest log cannot take whole is answered 503 with Retry-After, which Segment's libraries retry. */
class SegmentOverloadTest {
  @Test
  void aBatchPastTheBacklogIsAnswered503WithRetryAfter() {
    try (RunningSpoor spoor = RunningSpoor.start(Map.of("max-backlog", "1", "max-wait-ms", "0"))) {
      SegmentCalls calls = new SegmentCalls(spoor, spoor.client());
      String key = calls.newWriteKey();
      JsonArray batch = new JsonArray();
      for (int i = 0; i < 100; i++) {
        batch.add(new JsonObject().put("type", "track").put("userId", "u").put("event", "e").put("messageId", "m" + i));
      }
      Answer answer = calls.post("/v1/batch", key, new JsonObject().put("batch", batch));
      assertEquals(503, answer.status(), answer.body());
      assertEquals("service_unavailable", answer.json().getString("code"));
      assertEquals("1", answer.header("Retry-After"));
    }
  }
}
