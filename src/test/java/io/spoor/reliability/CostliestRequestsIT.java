package io.spoor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorPerClass;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the costliest requests the edge still accepts add to the store, per hit. */
class CostliestRequestsIT extends SpoorPerClass {
  /**
   * The costliest requests the edge still accepts, each many times, on a portal of their own: an
   * Events HTTP API hit of nearly 16 KB of unknown properties, and behavioural event batches of
   * nearly 1 MB, refused whole or with hundreds of undeclared properties per event.
   */
  @Test
  void theCostliestAcceptedRequestsAddAtMostTheBoundPerHit() {
    SpoorClient other = server.newPortal(2, java.util.EnumSet.allOf(io.spoor.http.Scope.class));
    assertEquals(201, other.send("POST", "/events/v3/event-definitions", new JsonObject().put("label", "Costly")
        .put("name", "costly").put("primaryObject", "CONTACT")).status());
    JsonObject contact = other.send("POST", "/crm/v3/objects/contacts", new JsonObject().put("properties",
        new JsonObject().put("email", "costly@example.com"))).json();
    String unknownParams = java.util.stream.IntStream.range(0, 1_700).mapToObj(i -> "p" + i + "=x")
        .collect(Collectors.joining("&"));
    assertCostWithinBound("Events HTTP API hits with 1,700 unknown properties", 20, () -> {
      for (int i = 0; i < 20; i++) {
        other.event("_a=2&_n=costly&" + unknownParams);
      }
    });
    assertCostWithinBound("batches of 500 events about unknown contacts", 1_000, () -> {
      for (int i = 0; i < 2; i++) {
        assertEquals(204, other.send("POST", "/events/v3/send/batch", costlyBatch(i, "objectId", "999999999"))
            .status());
      }
    });
    assertCostWithinBound("batches of 500 events with 80 undeclared properties each", 1_000, () -> {
      for (int i = 2; i < 4; i++) {
        assertEquals(204, other.send("POST", "/events/v3/send/batch",
            costlyBatch(i, "objectId", contact.getString("id"))).status());
      }
    });
  }

  private static void assertCostWithinBound(String what, int hits, Runnable requests) {
    server.awaitApplied();
    StoreCost before = StoreCost.of(server.data());
    requests.run();
    server.awaitApplied();
    StoreCost cost = StoreCost.of(server.data()).since(before);
    System.out.printf("cost of %d hits (%s): %d rows, %d bytes (file and log grew %d bytes)%n", hits, what,
        cost.rows(), cost.bytes(), cost.fileBytes());
    assertTrue(cost.rows() <= hits * StoreCost.ROWS_PER_HIT, what + ": " + cost.rows() + " rows for " + hits + " hits");
    assertTrue(cost.bytes() <= hits * StoreCost.BYTES_PER_HIT, what + ": " + cost.bytes() + " bytes for " + hits + " hits");
  }

  /** 500 events about one contact, each with 80 properties: close to the 1 MB a body may have. */
  private static JsonObject costlyBatch(int n, String key, String value) {
    JsonArray inputs = new JsonArray();
    for (int e = 0; e < 500; e++) {
      JsonObject properties = new JsonObject();
      for (int p = 0; p < 80; p++) {
        properties.put("undeclared_" + p, "v" + p);
      }
      inputs.add(new JsonObject().put("eventName", "pe2_costly").put(key, value)
          .put("uuid", "costly-" + n + "-" + e).put("properties", properties));
    }
    return new JsonObject().put("inputs", inputs);
  }
}
