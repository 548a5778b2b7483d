package io.spoor.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.spoor.ingest.SegmentHit;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** A message made a hit: what it keeps, what it drops, the id it takes. */
class MessagesTest {
  @Test
  void theBatchsContextIsMergedInAndTheMessagesOwnKeysWin() {
    JsonObject batch = new JsonObject().put("context", new JsonObject().put("library", "java").put("ip", "1.1.1.1"))
        .put("integrations", new JsonObject().put("All", false));
    JsonObject message = new JsonObject().put("context", new JsonObject().put("ip", "2.2.2.2"));
    JsonObject merged = Messages.withShared(message, batch);
    assertEquals(new JsonObject().put("library", "java").put("ip", "2.2.2.2"), merged.getJsonObject("context"));
    assertEquals(new JsonObject().put("All", false), merged.getJsonObject("integrations"));
  }

  @Test
  void sentAtAndWriteKeyAreTakenOutSoThatARetryIsTheSameMessage() {
    SegmentHit first = Messages.hit(1, "track", message().put("sentAt", "2024-01-01T00:00:00Z").put("writeKey", "k1"),
        null, 1_000);
    SegmentHit retry = Messages.hit(1, "track", message().put("sentAt", "2024-01-01T00:00:09Z"), null, 10_000);
    assertEquals(first.message(), retry.message());
    assertEquals(first.id(), retry.id());
    assertFalse(first.message().contains("sentAt") || first.message().contains("writeKey"), first.message());
  }

  @Test
  void theSameMessageIdInAnotherPortalIsAnotherHit() {
    assertNotEquals(Messages.hit(1, "track", message(), null, 0).id(), Messages.hit(2, "track", message(), null, 0).id());
  }

  @Test
  void aMessageWithoutMessageIdGetsAFreshId() {
    JsonObject without = message();
    without.remove("messageId");
    assertNotEquals(Messages.hit(1, "track", without.copy(), null, 0).id(),
        Messages.hit(1, "track", without.copy(), null, 0).id());
  }

  private static JsonObject message() {
    return new JsonObject().put("userId", "u").put("event", "Played").put("messageId", "m-1");
  }
}
