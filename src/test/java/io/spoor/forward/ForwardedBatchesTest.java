package io.spoor.forward;

import io.spoor.testkit.Polling;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Contact upserts coalesced into batches, batches split when they fail, and calls kept in order. */
class ForwardedBatchesTest extends ForwardingFixture {
  @Test
  void upsertsOfSeveralEmailsDueTogetherGoAsOneBatchUpsertMergedPerEmail() {
    local();
    queueWhileTheFirstIsInFlight(upsert("ida@example.com", "firstname", "Ida"), List.of(
        upsert("jo@example.com", "firstname", "Jo"), upsert("kim@example.com", "firstname", "Kim"),
        upsert("jo@example.com", "lastname", "March")));
    JsonObject status = settled();

    assertEquals(4, status.getLong("delivered"));
    JsonObject jo = remoteContact("jo@example.com", "firstname,lastname").orElseThrow();
    assertEquals(List.of("Jo", "March"), List.of(jo.getString("firstname"), jo.getString("lastname")));
    assertEquals("Kim", remoteContact("kim@example.com", "firstname").orElseThrow().getString("firstname"));
    List<RecordingProxy.Seen> batches = proxy.seen().stream()
        .filter(s -> s.path().equals("/crm/v3/objects/contacts/batch/upsert")).toList();
    assertEquals(1, batches.size(), proxy.seen().toString());
    assertEquals(2, new JsonObject(batches.get(0).body()).getJsonArray("inputs").size());
  }

  @Test
  void aBatchFailingWholeIsSplitAndEachCallSentAlone() {
    local();
    proxy.failWith(s -> s.path().endsWith("/batch/upsert") ? Optional.of(500) : Optional.empty());
    queueWhileTheFirstIsInFlight(upsert("lee@example.com", "firstname", "Lee"), List.of(
        upsert("mo@example.com", "firstname", "Mo"), upsert("ned@example.com", "firstname", "Ned")));
    JsonObject status = settled();

    assertEquals(3, status.getLong("delivered"));
    assertEquals("Mo", remoteContact("mo@example.com", "firstname").orElseThrow().getString("firstname"));
    assertEquals("Ned", remoteContact("ned@example.com", "firstname").orElseThrow().getString("firstname"));
    assertEquals(1, proxy.seen().stream().filter(s -> s.path().endsWith("/batch/upsert")).count());
    assertEquals(3, proxy.seen().stream().filter(s -> s.method().equals("POST") && s.status() == 201).count());
  }

  @Test
  void aBatchInputTheRemoteRefusesGoesOnAloneWhileTheOthersAreDelivered() {
    local();
    queueWhileTheFirstIsInFlight(upsert("oz@example.com", "firstname", "Oz"), List.of(
        upsert("pam@example.com", "firstname", "Pam"), upsert("quin@example.com", "no_such_property", "x")));
    JsonObject status = Polling.until("the refused input to die", WAIT, this::status,
        s -> s.getLong("dead") == 1 && s.getLong("queued") == 0);

    assertEquals(2, status.getLong("delivered"));
    assertEquals("Pam", remoteContact("pam@example.com", "firstname").orElseThrow().getString("firstname"));
    JsonObject letter = local.client().get("/api/v1/forwarding/dead-letters").json().getJsonArray("results")
        .getJsonObject(0);
    assertEquals("quin@example.com", letter.getJsonObject("call").getString("email"));
  }

  @Test
  void aCallToTryAgainIsNotOvertakenByALaterCallForTheSameContact() {
    local(Map.of("forward-first-backoff-ms", "1000"), new JsonObject().put("secondly", 50));
    AtomicInteger failures = new AtomicInteger(1);
    proxy.failWith(s -> failures.getAndDecrement() > 0 ? Optional.of(503) : Optional.empty());
    queueWhileTheFirstIsInFlight(upsert("tom@example.com", "firstname", "first"),
        List.of(upsert("tom@example.com", "firstname", "second")));
    settled();

    assertEquals("second", remoteContact("tom@example.com", "firstname").orElseThrow().getString("firstname"));
    assertEquals(List.of("PATCH 503", "PATCH 404", "POST 201", "PATCH 200"),
        proxy.seen().stream().map(s -> s.method() + " " + s.status()).toList());
  }

  @Test
  void callsSplitFromAFailedBatchAreNotOvertakenByANewBatch() {
    local(Map.of("forward-first-backoff-ms", "1000"), new JsonObject().put("secondly", 50));
    AtomicInteger batches = new AtomicInteger();
    proxy.failWith(s -> {
      if (s.path().endsWith("/batch/upsert") && batches.getAndIncrement() == 0) {
        // newer calls arrive while the first batch fails
        add(upsert("uma@example.com", "firstname", "newer"));
        add(upsert("val@example.com", "firstname", "Val"));
        return Optional.of(500);
      }
      return Optional.empty();
    });
    queueWhileTheFirstIsInFlight(upsert("tia@example.com", "firstname", "Tia"), List.of(
        upsert("uma@example.com", "firstname", "older"), upsert("vic@example.com", "firstname", "Vic")));
    settled();

    assertEquals("newer", remoteContact("uma@example.com", "firstname").orElseThrow().getString("firstname"));
    assertEquals("Val", remoteContact("val@example.com", "firstname").orElseThrow().getString("firstname"));
  }
}
