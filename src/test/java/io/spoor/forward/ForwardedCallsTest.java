package io.spoor.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What each forwarded call becomes at the remote: contacts, events from the Events API, behavioural events with their uuid, companies. */
class ForwardedCallsTest extends ForwardingFixture {
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
