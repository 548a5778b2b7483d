package io.spoor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.crm.Emails;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A seeded fuzzer sends at least 20,000 malformed requests over every operation of the OpenAPI
 * document from four connections at once, with well-formed control writes interleaved, and
 * checks every answer; then the store, and what accepted requests cost it (rows and bytes per hit,
 * over the whole run and for the costliest requests that are still accepted). Set {@code -Dspoor.fuzz.seed=…} to replay a run and
 * {@code -Dspoor.fuzz.requests=…} for a longer one.
 */
class BadInputFuzzIT {
  private static final long SEED = Long.getLong("spoor.fuzz.seed", 20240601L);
  private static final int REQUESTS = Integer.getInteger("spoor.fuzz.requests", 20_000);
  private static final int WORKERS = 4;
  private static final int BATCHES = 20;
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(15);
  /** The most rows one accepted hit may add to the store. */
  private static final long ROWS_PER_HIT = 4;
  /** The most bytes one accepted hit may add to the store. */
  private static final long BYTES_PER_HIT = 12 * 1024;

  private static RunningSpoor server;
  private static SpoorClient client;
  private static final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
  private static final List<String> leaks = Collections.synchronizedList(new ArrayList<>());
  private static final List<String> notGif = Collections.synchronizedList(new ArrayList<>());
  private static final List<String> unanswered = Collections.synchronizedList(new ArrayList<>());
  private static final List<String> downAfterBatch = Collections.synchronizedList(new ArrayList<>());
  private static final List<String> controlsRefused = Collections.synchronizedList(new ArrayList<>());
  private static final Map<String, String> controlContacts = new ConcurrentHashMap<>();
  private static final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
  private static final Map<String, Boolean> operationsHit = new ConcurrentHashMap<>();
  private static final AtomicInteger sent = new AtomicInteger();
  private static int tokensBefore;
  private static final AtomicInteger pixelsSent = new AtomicInteger();
  private static final AtomicInteger oversizedDropped = new AtomicInteger();
  private static final AtomicInteger accepted = new AtomicInteger();
  private static StoreCost fuzzCost;

  @BeforeAll
  static void fuzz() throws Exception {
    server = RunningSpoor.start();
    client = server.client();
    List<BadRequests.Operation> operations = operations();
    tokensBefore = client.get("/api/v1/tokens").json().getJsonArray("results").size();
    server.awaitApplied();
    StoreCost before = StoreCost.of(server.data());
    long started = System.nanoTime();
    ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
    try {
      Worker[] each = new Worker[WORKERS];
      for (int w = 0; w < WORKERS; w++) {
        each[w] = new Worker(w, operations);
      }
      for (int batch = 0; batch < BATCHES; batch++) {
        List<Future<?>> running = new ArrayList<>();
        for (Worker worker : each) {
          int share = REQUESTS / BATCHES / WORKERS;
          int b = batch;
          running.add(workers.submit(() -> worker.run(b, share)));
        }
        for (Future<?> f : running) {
          f.get(120, TimeUnit.SECONDS);
        }
        checkUp(batch);
      }
      for (Worker worker : each) {
        worker.close();
      }
    } finally {
      workers.shutdownNow();
    }
    server.awaitApplied();
    fuzzCost = StoreCost.of(server.data()).since(before);
    System.out.printf("fuzz: seed %d, %d requests (%d pixels, %d oversized cut off) in %.1f s; statuses %s; "
        + "%d accepted added %d rows, %d bytes (file and log grew %d bytes)%n",
        SEED, sent.get(), pixelsSent.get(), oversizedDropped.get(), (System.nanoTime() - started) / 1e9,
        new TreeMap<>(statuses), accepted.get(), fuzzCost.rows(), fuzzCost.bytes(), fuzzCost.fileBytes());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void everyOperationOfTheOpenApiDocumentWasFuzzedWithAtLeastTwentyThousandRequests() {
    assertTrue(sent.get() >= REQUESTS, "sent " + sent.get());
    List<String> missed = operations().stream().map(op -> op.method() + " " + op.path())
        .filter(op -> !operationsHit.containsKey(op)).collect(Collectors.toList());
    assertTrue(missed.isEmpty(), "operations not fuzzed: " + missed);
  }

  @Test
  void noMalformedRequestGetsAServerErrorOtherThan503() {
    assertTrue(serverErrors.isEmpty(), report("answers 5xx (not 503)", serverErrors));
  }

  @Test
  void noAnswerShowsAStackTraceOrInternalDetail() {
    assertTrue(leaks.isEmpty(), report("answers with internal detail", leaks));
  }

  @Test
  void trackingPixelsAlwaysAnswerAGif() {
    assertTrue(pixelsSent.get() > 1000, "pixels sent: " + pixelsSent.get());
    assertTrue(notGif.isEmpty(), report("pixel answers that are not image/gif", notGif));
  }

  @Test
  void everyRequestGetsAnAnswerExceptOversizedOnesCutOffWhileSending() {
    assertTrue(unanswered.isEmpty(), report("requests with no answer", unanswered));
  }

  @Test
  void theServerStaysUpAndReadyAfterEveryBatch() {
    assertTrue(downAfterBatch.isEmpty(), report("health checks that failed", downAfterBatch));
    assertEquals(200, client.raw("/healthz", Map.of()).statusCode());
    assertEquals(200, client.raw("/readyz", Map.of()).statusCode());
  }

  @Test
  void everyWellFormedControlWriteWasAcceptedAndIsStillThere() {
    assertTrue(controlsRefused.isEmpty(), report("control writes refused", controlsRefused));
    assertEquals(BATCHES * WORKERS, controlContacts.size());
    Map<String, JsonObject> stored = contactsByEmail();
    controlContacts.forEach((email, firstname) -> {
      JsonObject contact = stored.get(email);
      assertTrue(contact != null, "control contact lost: " + email);
      assertEquals(firstname, contact.getJsonObject("properties").getString("firstname"), email);
    });
  }

  @Test
  void noContactExceptTheControlsWasCreatedAndEveryStoredEmailIsValid() {
    Map<String, JsonObject> stored = contactsByEmail();
    List<String> invalid = stored.keySet().stream().filter(e -> Emails.normalize(e).filter(e::equals).isEmpty())
        .collect(Collectors.toList());
    assertTrue(invalid.isEmpty(), "contacts with emails the server's own rule refuses: " + invalid);
    java.util.Set<String> extra = new java.util.TreeSet<>(stored.keySet());
    extra.removeAll(controlContacts.keySet());
    assertTrue(extra.isEmpty(), "contacts no control request made: " + extra);
    assertEquals(controlContacts.size(), stored.size());
  }

  @Test
  void noCompanyPropertyTokenOrEventDefinitionWasCreatedByBadInput() {
    assertEquals(0, client.get("/crm/v3/objects/companies?limit=100").json().getJsonArray("results").size());
    JsonArray tokens = client.get("/api/v1/tokens").json().getJsonArray("results");
    assertEquals(tokensBefore, tokens.size(), tokens.encode());
    JsonArray custom = new JsonArray(client.get("/crm/v3/properties/contacts").json().getJsonArray("results")
        .stream().filter(p -> !((JsonObject) p).getBoolean("hubspotDefined", true)).collect(Collectors.toList()));
    assertEquals(0, custom.size(), custom.encode());
    assertEquals(0, client.get("/events/v3/event-definitions").json().getJsonArray("results").size());
    JsonArray portal = new JsonArray().add(client.get("/api/v1/portal").json());
    assertEquals(false, portal.getJsonObject(0).getBoolean("requireConsent"), portal.encode());
    assertEquals(true, portal.getJsonObject(0).getBoolean("customEventsEnabled"), portal.encode());
  }

  @Test
  void eventNamesCreatedByHitsHaveNoControlCharactersAndAtMost255Characters() {
    JsonArray definitions = client.get("/api/v1/event-definitions").json().getJsonArray("results");
    assertTrue(definitions.size() > 0, "the fuzz hits made no event at all");
    for (Object d : definitions) {
      String name = ((JsonObject) d).getString("name");
      assertTrue(name.length() <= 255 && name.chars().noneMatch(Character::isISOControl),
          "stored event name: " + name.replaceAll("\\p{Cntrl}", "?"));
    }
  }

  @Test
  void theFuzzAddsAtMostTheBoundInRowsAndBytesPerAcceptedRequest() {
    assertTrue(accepted.get() > 1000, "accepted: " + accepted.get());
    assertTrue(fuzzCost.rows() <= accepted.get() * ROWS_PER_HIT,
        fuzzCost.rows() + " rows for " + accepted.get() + " accepted requests");
    assertTrue(fuzzCost.bytes() <= accepted.get() * BYTES_PER_HIT,
        fuzzCost.bytes() + " bytes for " + accepted.get() + " accepted requests");
  }

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
    assertTrue(cost.rows() <= hits * ROWS_PER_HIT, what + ": " + cost.rows() + " rows for " + hits + " hits");
    assertTrue(cost.bytes() <= hits * BYTES_PER_HIT, what + ": " + cost.bytes() + " bytes for " + hits + " hits");
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

  /** One connection's share of the fuzzing, with one well-formed control write per batch. */
  private static final class Worker {
    private final int id;
    private final List<BadRequests.Operation> operations;
    private final List<BadRequests.Operation> tracking;
    private final Junk junk;
    private final BadRequests requests;
    private final RawHttp connection;

    Worker(int id, List<BadRequests.Operation> operations) {
      this.id = id;
      this.operations = operations;
      this.tracking = operations.stream().filter(o -> !o.authenticated() && (o.path().startsWith("/__pt")
          || o.path().startsWith("/v1/event"))).collect(Collectors.toList());
      this.junk = new Junk(new Random(SEED * 31 + id));
      this.requests = new BadRequests(junk, RunningSpoor.TOKEN);
      this.connection = new RawHttp(server.spoor().port(), ANSWER_TIMEOUT);
    }

    void run(int batch, int count) {
      int control = junk.random().nextInt(count);
      for (int i = 0; i < count; i++) {
        if (i == control) {
          control(batch);
        }
        BadRequests.Operation op = junk.chance(0.3) ? junk.pick(tracking) : junk.pick(operations);
        operationsHit.put(op.method() + " " + op.path(), true);
        send(requests.next(op));
      }
    }

    private void send(BadRequests.Request request) {
      sent.incrementAndGet();
      if (request.pixel()) {
        pixelsSent.incrementAndGet();
      }
      RawHttp.Answer answer;
      try {
        answer = connection.exchange(request.bytes());
      } catch (IOException e) {
        connection.close();
        if (request.oversized()) {
          oversizedDropped.incrementAndGet();
        } else {
          unanswered.add(e + ": " + request.describe());
        }
        return;
      }
      statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
      if (answer.status() / 100 == 2) {
        accepted.incrementAndGet();
      }
      String body = new String(answer.body(), StandardCharsets.ISO_8859_1);
      if (answer.status() >= 500 && answer.status() != 503) {
        serverErrors.add(answer.status() + " " + shorten(body) + " for " + request.describe());
      }
      LeakCheck.leak(body).ifPresent(marker -> leaks.add(marker + " in " + shorten(body) + " for " + request.describe()));
      if (request.pixel() && !"image/gif".equals(answer.header("content-type"))) {
        notGif.add(answer.status() + " " + answer.header("content-type") + " for " + request.describe());
      }
    }

    /** A well-formed write: a contact through the CRM API, or one through the Events HTTP API. */
    private void control(int batch) {
      String email = "control-" + batch + "-" + id + "@example.com";
      String firstname = "Control " + batch + " " + id;
      byte[] request;
      int expected;
      if (batch % 2 == 0) {
        request = RawHttp.request("POST", "/crm/v3/objects/contacts", Map.of("Authorization",
            "Bearer " + RunningSpoor.TOKEN, "Content-Type", "application/json"), new JsonObject().put("properties",
            new JsonObject().put("email", email).put("firstname", firstname)).encode().getBytes(StandardCharsets.UTF_8));
        expected = 201;
      } else {
        request = RawHttp.request("GET", "/v1/event?_a=1&_n=control_signup&email=" + Junk.encode(email)
            + "&firstname=" + Junk.encode(firstname), Map.of(), null);
        expected = 200;
      }
      try {
        RawHttp.Answer answer = connection.exchange(request);
        if (answer.status() == expected) {
          accepted.incrementAndGet();
          controlContacts.put(email, firstname);
        } else {
          controlsRefused.add(answer.status() + " " + answer.text() + " for " + email);
        }
      } catch (IOException e) {
        connection.close();
        controlsRefused.add(e + " for " + email);
      }
    }

    void close() {
      connection.close();
    }
  }

  private static void checkUp(int batch) {
    for (String path : List.of("/healthz", "/readyz")) {
      try (RawHttp probe = new RawHttp(server.spoor().port(), Duration.ofSeconds(5))) {
        int status = probe.exchange(RawHttp.request("GET", path, Map.of(), null)).status();
        if (status != 200) {
          downAfterBatch.add(path + " answered " + status + " after batch " + batch);
        }
      } catch (IOException e) {
        downAfterBatch.add(path + " did not answer after batch " + batch + ": " + e);
      }
    }
  }

  /** The operations of the OpenAPI document the server serves. */
  private static List<BadRequests.Operation> operations() {
    JsonObject paths = client.get("/api/openapi.json").json().getJsonObject("paths");
    List<BadRequests.Operation> operations = new ArrayList<>();
    for (String path : paths.fieldNames()) {
      JsonObject methods = paths.getJsonObject(path);
      for (String method : methods.fieldNames()) {
        operations.add(new BadRequests.Operation(method.toUpperCase(java.util.Locale.ROOT), path,
            methods.getJsonObject(method).containsKey("security")));
      }
    }
    return operations;
  }

  /** Every live contact of portal 1, by email (those without one under their id). */
  private static Map<String, JsonObject> contactsByEmail() {
    Map<String, JsonObject> byEmail = new HashMap<>();
    String after = null;
    do {
      JsonObject page = client.get("/crm/v3/objects/contacts?limit=100&properties=email,firstname"
          + (after == null ? "" : "&after=" + after)).json();
      for (Object o : page.getJsonArray("results")) {
        JsonObject contact = (JsonObject) o;
        String email = contact.getJsonObject("properties").getString("email");
        byEmail.put(email == null ? "(no email, id " + contact.getString("id") + ")" : email, contact);
      }
      JsonObject paging = page.getJsonObject("paging");
      after = paging == null ? null : paging.getJsonObject("next").getString("after");
    } while (after != null);
    return byEmail;
  }

  private static String shorten(String s) {
    String clean = s.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 300 ? clean.substring(0, 300) + "…" : clean;
  }

  private static String report(String what, List<String> problems) {
    synchronized (problems) {
      return problems.size() + " " + what + " (seed " + SEED + "), first ones:\n  "
          + problems.stream().limit(15).collect(Collectors.joining("\n  "));
    }
  }
}
