package io.spoor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.crm.Emails;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A seeded fuzzer ({@link FuzzRun}) sends at least 20,000 malformed requests over every
 * operation of the OpenAPI document from four connections at once, with well-formed control
 * writes interleaved; then every answer, the store, and what the accepted requests cost it (rows
 * and bytes per hit) are checked.
 */
class BadInputFuzzIT {
  private static RunningSpoor server;
  private static SpoorClient client;
  private static int tokensBefore;
  private static FuzzRun run;

  @BeforeAll
  static void fuzz() throws Exception {
    server = RunningSpoor.start();
    client = server.client();
    tokensBefore = client.get("/api/v1/tokens").json().getJsonArray("results").size();
    run = FuzzRun.against(server, FuzzRun.operations(client));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void everyOperationOfTheOpenApiDocumentWasFuzzedWithAtLeastTwentyThousandRequests() {
    assertTrue(run.sent.get() >= FuzzRun.REQUESTS, "sent " + run.sent.get());
    List<String> missed = FuzzRun.operations(client).stream().map(op -> op.method() + " " + op.path())
        .filter(op -> !run.operationsHit.containsKey(op)).collect(Collectors.toList());
    assertTrue(missed.isEmpty(), "operations not fuzzed: " + missed);
  }

  @Test
  void noMalformedRequestGetsAServerErrorOtherThan503() {
    assertTrue(run.serverErrors.isEmpty(), FuzzRun.report("answers 5xx (not 503)", run.serverErrors));
  }

  @Test
  void noAnswerShowsAStackTraceOrInternalDetail() {
    assertTrue(run.leaks.isEmpty(), FuzzRun.report("answers with internal detail", run.leaks));
  }

  @Test
  void trackingPixelsAlwaysAnswerAGif() {
    assertTrue(run.pixelsSent.get() > 1000, "pixels sent: " + run.pixelsSent.get());
    assertTrue(run.notGif.isEmpty(), FuzzRun.report("pixel answers that are not image/gif", run.notGif));
  }

  @Test
  void everyRequestGetsAnAnswerExceptOversizedOnesCutOffWhileSending() {
    assertTrue(run.unanswered.isEmpty(), FuzzRun.report("requests with no answer", run.unanswered));
  }

  @Test
  void theServerStaysUpAndReadyAfterEveryBatch() {
    assertTrue(run.downAfterBatch.isEmpty(), FuzzRun.report("health checks that failed", run.downAfterBatch));
    assertEquals(200, client.raw("/healthz", Map.of()).statusCode());
    assertEquals(200, client.raw("/readyz", Map.of()).statusCode());
  }

  @Test
  void everyWellFormedControlWriteWasAcceptedAndIsStillThere() {
    assertTrue(run.controlsRefused.isEmpty(), FuzzRun.report("control writes refused", run.controlsRefused));
    assertEquals(FuzzRun.BATCHES * FuzzRun.WORKERS, run.controlContacts.size());
    Map<String, JsonObject> stored = contactsByEmail();
    run.controlContacts.forEach((email, firstname) -> {
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
    extra.removeAll(run.controlContacts.keySet());
    assertTrue(extra.isEmpty(), "contacts no control request made: " + extra);
    assertEquals(run.controlContacts.size(), stored.size());
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
    assertTrue(run.accepted.get() > 1000, "accepted: " + run.accepted.get());
    assertTrue(run.cost.rows() <= run.accepted.get() * StoreCost.ROWS_PER_HIT,
        run.cost.rows() + " rows for " + run.accepted.get() + " accepted requests");
    assertTrue(run.cost.bytes() <= run.accepted.get() * StoreCost.BYTES_PER_HIT,
        run.cost.bytes() + " bytes for " + run.accepted.get() + " accepted requests");
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
}
