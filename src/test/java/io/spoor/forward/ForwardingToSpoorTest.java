package io.spoor.forward;

import io.spoor.testkit.Polling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.http.Scope;
import io.spoor.portal.RateLimits;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Forwarding against a second Spoor as the remote HubSpot, over real HTTP, through a recording
 * proxy that can play a failing remote.
 */
class ForwardingToSpoorTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private RunningSpoor remote;
  private RecordingProxy proxy;
  private RunningSpoor local;
  /** The token forwarding uses: the test's own reads at the remote are counted apart. */
  private String remoteToken;

  @BeforeEach
  void remote() throws IOException {
    remote = RunningSpoor.start();
    remote.client().send("PATCH", "/api/v1/portal", new JsonObject().put("customEventsEnabled", true));
    proxy = new RecordingProxy(remote.client().base());
    remoteToken = remote.spoor().portals().issueToken(RunningSpoor.HUB_ID, "forwarding", Scope.all()).value();
  }

  @AfterEach
  void stop() {
    if (local != null) {
      local.close();
    }
    proxy.close();
    remote.close();
  }

  private SpoorClient local(Map<String, String> flags, JsonObject target) {
    local = RunningSpoor.start(flags);
    local.client().send("PATCH", "/api/v1/portal", new JsonObject().put("customEventsEnabled", true));
    JsonObject body = new JsonObject().put("baseUrl", proxy.url()).put("trackingUrl", proxy.url())
        .put("accessToken", remoteToken).put("hubId", RunningSpoor.HUB_ID).mergeIn(target);
    SpoorClient.Answer put = local.client().send("PUT", "/api/v1/forwarding", body);
    assertEquals(200, put.status(), put.body());
    return local.client();
  }

  private SpoorClient local() {
    return local(Map.of("forward-first-backoff-ms", "50"), new JsonObject().put("secondly", 50));
  }

  private void add(ForwardCall call) {
    local.spoor().outbox().add(RunningSpoor.HUB_ID, Outbox.Origin.SEGMENT, call);
  }

  private JsonObject status() {
    return local.client().get("/api/v1/forwarding").json().getJsonObject("status");
  }

  private JsonObject settled() {
    return Polling.until("the outbox to empty", WAIT, this::status,
        s -> s.getLong("queued") == 0 && s.getLong("inFlight") == 0);
  }

  private Optional<JsonObject> remoteContact(String email, String properties) {
    SpoorClient.Answer answer = remote.client().get("/crm/v3/objects/contacts/" + email
        + "?idProperty=email&properties=" + properties);
    return answer.status() == 200 ? Optional.of(answer.json().getJsonObject("properties")) : Optional.empty();
  }

  private static ForwardCall.UpsertContact upsert(String email, String name, String value) {
    return new ForwardCall.UpsertContact(email, Map.of(name, value));
  }

  @Test
  void aContactUpsertCreatesThenUpdatesTheContactAtTheRemote() {
    local();
    add(upsert("ada@example.com", "firstname", "Ada"));
    settled();
    add(upsert("ada@example.com", "lastname", "Lovelace"));
    JsonObject status = settled();

    JsonObject contact = remoteContact("ada@example.com", "firstname,lastname").orElseThrow();
    assertEquals("Ada", contact.getString("firstname"));
    assertEquals("Lovelace", contact.getString("lastname"));
    assertEquals(2, status.getLong("delivered"));
    assertEquals(List.of("PATCH 404", "POST 201", "PATCH 200"),
        proxy.seen().stream().map(s -> s.method() + " " + s.status()).toList());
  }

  /** Queues {@code first}, holds its request at the proxy while {@code then} are queued, and lets it go. */
  private void queueWhileTheFirstIsInFlight(ForwardCall first, List<ForwardCall> then) {
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Function<RecordingProxy.Seen, Optional<Integer>> later = proxy.fault();
    proxy.failWith(seen -> {
      arrived.countDown();
      await(release);
      return later.apply(seen);
    });
    add(first);
    await(arrived);
    then.forEach(this::add);
    proxy.failWith(later);
    release.countDown();
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(30, TimeUnit.SECONDS), "the proxy's latch was not released");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

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
  void eventsApiHitsAreForwardedWhenTheTargetTakesTrackingHits() {
    SpoorClient client = local(Map.of(), new JsonObject().put("forwardTracking", true));
    client.event("_a=1&_n=signed_up&email=bo@example.com&firstname=Bo");
    settled();

    assertEquals("Bo", remoteContact("bo@example.com", "firstname").orElseThrow().getString("firstname"));
    RecordingProxy.Seen event = proxy.seen().get(0);
    assertEquals("/v1/event", event.path());
    assertTrue(event.target().contains("_a=1") && event.target().contains("_n=signed_up"), event.target());
    assertEquals(200, event.status());
  }

  @Test
  void eventsApiHitsAreNotQueuedWhenTheTargetDoesNotTakeTrackingHits() {
    SpoorClient client = local(Map.of(), new JsonObject());
    client.event("_a=1&_n=signed_up&email=cy@example.com");

    JsonObject status = status();
    assertEquals(0, status.getLong("queued"));
    assertEquals(0, status.getLong("delivered"));
    assertTrue(proxy.seen().isEmpty());
  }

  @Test
  void aRemoteAnswering503IsRetriedUntilItTakesTheCall() {
    AtomicInteger failures = new AtomicInteger(2);
    proxy.failWith(s -> failures.getAndDecrement() > 0 ? Optional.of(503) : Optional.empty());
    local();
    add(upsert("di@example.com", "firstname", "Di"));
    JsonObject status = settled();

    assertEquals("Di", remoteContact("di@example.com", "firstname").orElseThrow().getString("firstname"));
    assertEquals(2, status.getLong("retried"));
    assertEquals(1, status.getLong("delivered"));
    assertEquals(List.of(503, 503, 404, 201), proxy.seen().stream().map(RecordingProxy.Seen::status).toList());
    String metrics = local.client().get("/metrics").body();
    assertTrue(metrics.contains("spoor_forward_calls_total{outcome=\"retried\"} 2"), metrics);
    assertTrue(metrics.contains("spoor_forward_calls_total{outcome=\"delivered\"} 1"), metrics);
    assertTrue(metrics.contains("spoor_forward_queued 0"), metrics);
  }

  @Test
  void theRemotesOwn429sAreRetriedAfterThePauseItAsks() {
    remote.spoor().portals().setLimits(RunningSpoor.HUB_ID, new RateLimits(2, 0));
    proxy.stripRateLimitHeaders();
    local();
    for (int i = 1; i <= 3; i++) {
      add(upsert("ed@example.com", "firstname", "v" + i));
    }
    // without the rate-limit headers, each 429 pauses the target for HubSpot's ten seconds
    JsonObject status = Polling.until("the outbox to empty", Duration.ofSeconds(60), this::status,
        s -> s.getLong("queued") == 0 && s.getLong("inFlight") == 0);

    assertEquals("v3", remoteContact("ed@example.com", "firstname").orElseThrow().getString("firstname"));
    assertEquals(3, status.getLong("delivered"));
    assertTrue(status.getLong("retried") >= 1, status.encode());
    assertTrue(proxy.seen().stream().anyMatch(s -> s.status() == 429), proxy.seen().toString());
  }

  @Test
  void theRateMeasuredAtTheRemoteNeverExceedsTheTargetsLimit() {
    local(Map.of(), new JsonObject().put("secondly", 4));
    for (int i = 1; i <= 16; i++) {
      add(upsert("fay@example.com", "firstname", "v" + i));
    }
    settled();

    List<Long> arrivals = proxy.seen().stream().map(RecordingProxy.Seen::arrivedAtNanos).sorted().toList();
    assertEquals(17, arrivals.size());
    for (int i = 0; i + 4 < arrivals.size(); i++) {
      long windowMillis = (arrivals.get(i + 4) - arrivals.get(i)) / 1_000_000;
      assertTrue(windowMillis >= 1_000, "requests " + i + " to " + (i + 4) + " arrived within " + windowMillis + " ms");
    }
  }

  @Test
  void aPermanentlyFailingCallEndsInTheDeadLettersAndReplays() {
    SpoorClient client = local();
    add(upsert("gus@example.com", "favorite_color", "teal"));
    JsonObject status = settled();
    assertEquals(1, status.getLong("dead"));
    JsonArray dead = client.get("/api/v1/forwarding/dead-letters").json().getJsonArray("results");
    JsonObject letter = dead.getJsonObject(0);
    assertEquals("UpsertContact", letter.getString("kind"));
    assertTrue(letter.getString("lastError").startsWith("400"), letter.encode());

    SpoorClient.Answer defined = remote.client().send("POST", "/crm/v3/properties/contacts", new JsonObject()
        .put("name", "favorite_color").put("label", "Favourite colour").put("type", "string")
        .put("fieldType", "text").put("groupName", "contactinformation"));
    assertEquals(201, defined.status(), defined.body());
    assertEquals(204, client.send("POST", "/api/v1/forwarding/dead-letters/" + letter.getString("id") + "/retry",
        new JsonObject()).status());
    status = settled();

    assertEquals("teal", remoteContact("gus@example.com", "favorite_color").orElseThrow()
        .getString("favorite_color"));
    assertEquals(0, status.getLong("dead"));
    assertTrue(client.get("/api/v1/forwarding/dead-letters").json().getJsonArray("results").isEmpty());
  }

  @Test
  void aCallStillFailingAfterTheLastTryIsADeadLetter() {
    proxy.failWith(s -> Optional.of(503));
    local(Map.of("forward-retry-minutes", "0"), new JsonObject());
    add(upsert("hal@example.com", "firstname", "Hal"));
    JsonObject status = Polling.until("the call to die", WAIT, this::status, s -> s.getLong("dead") == 1);

    assertEquals(0, status.getLong("queued"));
    assertEquals(503, status.getJsonObject("lastAnswer").getInteger("status"));
    assertEquals(1, proxy.seen().size());
    String letters = local.client().get("/api/v1/forwarding/dead-letters").body();
    assertTrue(letters.contains("injected by the test for Bearer [redacted]"), letters);
    assertFalse(status.encode().contains(remoteToken) || letters.contains(remoteToken), letters);
  }

  @Test
  void aBehaviouralEventSentTwiceWithItsUuidCountsOnceAtTheRemote() {
    SpoorClient.Answer defined = remote.client().send("POST", "/events/v3/event-definitions", new JsonObject()
        .put("label", "Quote requested").put("name", "quote_requested").put("primaryObject", "CONTACT")
        .put("propertyDefinitions", new JsonArray().add(new JsonObject().put("name", "plan").put("label", "Plan")
            .put("type", "string"))));
    assertEquals(201, defined.status(), defined.body());
    local();
    ForwardCall.SendBehavioralEvent event = new ForwardCall.SendBehavioralEvent("pe1_quote_requested",
        "rae@example.com", Map.of("plan", "pro"), 1_700_000_000_000L, "0b6f2d4e-8a1c-4f3e-9b7d-2c5a1e0f9d83");
    add(event);
    add(event);
    settled();
    remote.awaitApplied();

    List<RecordingProxy.Seen> sent = proxy.seen();
    assertEquals(List.of("/events/v3/send 204", "/events/v3/send 204"),
        sent.stream().map(s -> s.path() + " " + s.status()).toList());
    assertEquals(event.uuid(), new JsonObject(sent.get(0).body()).getString("uuid"));
    JsonArray timeline = remote.client().get("/api/v1/contacts/rae@example.com/timeline?idProperty=email").json()
        .getJsonArray("results");
    assertEquals(1, timeline.size(), timeline.encode());
  }

  @Test
  void theRemotesDailyLimitSpentParksTheTargetUntilTheNextUtcMidnight() {
    remote.spoor().portals().setLimits(RunningSpoor.HUB_ID, new RateLimits(0, 2));
    local();
    add(upsert("sam@example.com", "firstname", "Sam"));
    add(upsert("sam@example.com", "lastname", "Vimes"));
    JsonObject status = Polling.until("the first call to be delivered", WAIT, this::status,
        s -> s.getLong("delivered") == 1);

    assertEquals(1, status.getLong("queued"));
    assertEquals(Instant.now().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS).toString(),
        status.getString("pausedUntil"));
    assertEquals(List.of("PATCH 404", "POST 201"), proxy.seen().stream().map(s -> s.method() + " " + s.status()).toList());
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

  @Test
  void theRemotesRateLimitHeadersPaceDeliveryBelowItsLimitWithoutA429() {
    remote.spoor().portals().setLimits(RunningSpoor.HUB_ID, new RateLimits(3, 0));
    local();
    for (int i = 1; i <= 8; i++) {
      add(upsert("wes@example.com", "firstname", "v" + i));
    }
    JsonObject status = settled();

    assertEquals(8, status.getLong("delivered"));
    assertEquals(0, status.getLong("retried"));
    assertEquals(9, proxy.seen().stream().filter(s -> s.status() / 100 == 2 || s.status() == 404).count(),
        proxy.seen().toString());
  }

  @Test
  void aGroupsCompanyIsCreatedOnceByDomainAndTheContactAssociatedWithIt() {
    local();
    add(upsert("xia@example.com", "firstname", "Xia"));
    settled();
    add(new ForwardCall.UpsertCompany("example.org", Optional.of("g1"), Map.of("name", "Example"),
        Optional.of("xia@example.com")));
    settled();
    add(new ForwardCall.UpsertCompany("example.org", Optional.of("g1"), Map.of("name", "Example Org"),
        Optional.of("xia@example.com")));
    JsonObject status = settled();

    assertEquals(3, status.getLong("delivered"));
    assertEquals(0, status.getLong("dead"));
    JsonArray companies = remote.client().send("POST", "/crm/v3/objects/companies/search", new JsonObject()
        .put("filterGroups", new JsonArray().add(new JsonObject().put("filters", new JsonArray().add(new JsonObject()
            .put("propertyName", "domain").put("operator", "EQ").put("value", "example.org")))))
        .put("properties", new JsonArray().add("name"))).json().getJsonArray("results");
    assertEquals(1, companies.size(), companies.encode());
    assertEquals("Example Org", companies.getJsonObject(0).getJsonObject("properties").getString("name"));
    String contactId = remote.client().get("/crm/v3/objects/contacts/xia@example.com?idProperty=email").json()
        .getString("id");
    String associated = remote.client().get("/crm/v4/objects/contacts/" + contactId + "/associations/companies").body();
    assertTrue(associated.contains("\"toObjectId\":" + companies.getJsonObject(0).getString("id") + ","), associated);
    assertEquals(1, proxy.seen().stream().filter(s -> s.method().equals("POST")
        && s.path().equals("/crm/v3/objects/companies")).count(), proxy.seen().toString());
  }
}
