package io.spoor.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.crm.Tracking;
import io.spoor.http.Scope;
import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorPerClass;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /events/v3/events}: a contact's page views and event completions in HubSpot's shape, checked against the hits sent. */
class EventOccurrencesApiTest extends SpoorPerClass {
  private static final long T0 = 1_783_669_943_308L;
  private static final long DAY = 86_400_000L;
  private static final String EMAIL = "occurrences@timeline.example";
  private static Tracking hits;
  private static String contactId;
  private static Instant before;

  @BeforeAll
  static void sendHits() {
    hits = new Tracking(server);
    before = Instant.now().minusSeconds(1);
    String utk = Tracking.utk();
    hits.pageView(utk, "https://site.example/one", T0, EMAIL);
    hits.pageView(utk, "https://site.example/two", T0, "");
    hits.pageView(utk, "https://site.example/three", T0, "");
    hits.pageView(utk, "https://site.example/four", T0 + DAY, "");
    hits.pageView(utk, "https://site.example/five", T0 + DAY, "");
    hits.event("_n=occurrence_signup&email=" + Tracking.enc(EMAIL) + "&_m=5&plan=gold");
    hits.event("_n=occurrence_signup&email=" + Tracking.enc(EMAIL) + "&_m=2.5");
    hits.event("_n=occurrence_other&email=" + Tracking.enc(EMAIL));
    assertEquals(201, client.send("POST", "/events/v3/event-definitions", new JsonObject().put("label", "Plan chosen")
        .put("name", "plan_chosen").put("propertyDefinitions", new io.vertx.core.json.JsonArray()
            .add(new JsonObject().put("name", "plan").put("label", "Plan").put("type", "string")))).status());
    assertEquals(204, client.send("POST", "/events/v3/send", new JsonObject().put("eventName", "pe1_plan_chosen")
        .put("email", EMAIL).put("properties", new JsonObject().put("plan", "gold"))).status());
    server.awaitApplied();
    contactId = hits.contact(EMAIL, "email").getString("id");
  }

  private static List<JsonObject> results(SpoorClient as, String query) {
    SpoorClient.Answer answer = as.get("/events/v3/events?" + query);
    assertEquals(200, answer.status(), answer.body());
    return answer.json().getJsonArray("results").stream().map(JsonObject.class::cast).toList();
  }

  @Test
  void everyPageViewAndEventSentIsOneOccurrenceNewestFirst() {
    List<JsonObject> all = results(client, "objectType=contact&objectId=" + contactId);
    assertEquals(5 + 3 + 1, all.size());
    assertEquals(5, all.stream().filter(o -> o.getString("eventType").equals("e_visited_page")).count());
    assertEquals(2, all.stream().filter(o -> o.getString("eventType").equals("occurrence_signup")).count());
    for (int i = 1; i < all.size(); i++) {
      assertFalse(Instant.parse(all.get(i).getString("occurredAt"))
          .isAfter(Instant.parse(all.get(i - 1).getString("occurredAt"))), "newest first");
    }
    JsonObject first = all.get(0);
    assertEquals("CONTACT", first.getString("objectType"));
    assertEquals(contactId, first.getString("objectId"));
    assertTrue(first.containsKey("id") && first.containsKey("properties"));
  }

  @Test
  void eventTypeKeepsOnlyThatTypeWithItsPropertiesAndValue() {
    List<JsonObject> pages = results(client, "objectType=contact&objectId=" + contactId + "&eventType=e_visited_page");
    assertEquals(List.of("https://site.example/five", "https://site.example/four", "https://site.example/three",
        "https://site.example/two", "https://site.example/one"),
        pages.stream().map(p -> p.getJsonObject("properties").getString("hs_url")).toList());
    List<JsonObject> signups = results(client, "objectType=contact&objectId=" + contactId
        + "&eventType=occurrence_signup");
    assertEquals(Set.of("5", "2.5"), new HashSet<>(signups.stream()
        .map(s -> s.getJsonObject("properties").getString("hs_revenue")).toList()));
    List<JsonObject> plans = results(client, "objectType=contact&objectId=" + contactId + "&eventType=pe1_plan_chosen");
    assertEquals(1, plans.size());
    assertEquals("gold", plans.get(0).getJsonObject("properties").getString("plan"));
  }

  @Test
  void pagingWithAfterWalksEveryOccurrenceOnce() {
    List<String> ids = new ArrayList<>();
    String after = "";
    int pages = 0;
    do {
      JsonObject body = client.get("/events/v3/events?objectType=contact&limit=3&objectId=" + contactId
          + (after.isEmpty() ? "" : "&after=" + after)).json();
      body.getJsonArray("results").forEach(o -> ids.add(((JsonObject) o).getString("id")));
      JsonObject paging = body.getJsonObject("paging");
      after = paging == null ? "" : paging.getJsonObject("next").getString("after");
      pages++;
    } while (!after.isEmpty());
    assertEquals(3, pages);
    assertEquals(9, ids.size());
    assertEquals(9, new HashSet<>(ids).size());
  }

  @Test
  void aContactIsFoundByEmailAndTheWindowBoundsTheTimes() {
    String pages = "objectType=contact&objectProperty.email=" + Tracking.enc(EMAIL) + "&eventType=e_visited_page";
    assertEquals(5, results(client, pages + "&occurredAfter=" + before).size());
    assertEquals(0, results(client, pages + "&occurredBefore=" + before).size());
    assertEquals(0, results(client, pages + "&occurredAfter=" + Instant.now().plusSeconds(60)).size());
  }

  @Test
  void aTokenWithoutTheScopeIsRefusedAndBadQueriesAreClearErrors() {
    SpoorClient other = server.scoped(Set.of(Scope.CONTACTS_READ));
    assertEquals(403, other.get("/events/v3/events?objectType=contact&objectId=" + contactId).status());
    SpoorClient.Answer noType = client.get("/events/v3/events?objectId=" + contactId);
    assertEquals(400, noType.status());
    assertEquals("Must specify an eventType or objectType", noType.json().getString("message"));
    assertEquals(400, client.get("/events/v3/events?objectType=contact").status());
    assertEquals(400, client.get("/events/v3/events?objectType=contact&objectId=1&occurredAfter=yesterday").status());
  }

  @Test
  void anotherPortalSeesNoOccurrencesOfThisContact() {
    SpoorClient second = secondPortal();
    assertEquals(List.of(), results(second, "objectType=contact&objectId=" + contactId));
  }
}
