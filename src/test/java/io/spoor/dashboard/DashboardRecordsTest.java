package io.spoor.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.crm.ContactApi;
import io.spoor.crm.Tracking;
import io.spoor.testkit.SpoorPerClass;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's records over real HTTP with a session cookie: the contact list on the CRM search,
 * a contact's properties, history, analytics and timeline checked against the hits sent, edits by
 * admins only, a company's contacts, and the event definitions page.
 */
class DashboardRecordsTest extends SpoorPerClass {
  private static final String PASSWORD = "records password 1";
  private static final String EMAIL = "timeline-person@records.example";
  private static final long T0 = 1_783_669_943_308L;
  private static Tracking hits;
  private static String contactId;
  private static DashboardSession admin;
  private static DashboardSession viewer;

  @BeforeAll
  static void signInAndSendHits() {
    String base = "http://127.0.0.1:" + server.spoor().port();
    server.spoor().accounts().create(1, "admin@records.example", Role.ADMIN, PASSWORD);
    server.spoor().accounts().create(1, "viewer@records.example", Role.VIEWER, PASSWORD);
    admin = new DashboardSession(base);
    viewer = new DashboardSession(base);
    assertEquals(200, admin.signIn("admin@records.example", PASSWORD).statusCode());
    assertEquals(200, viewer.signIn("viewer@records.example", PASSWORD).statusCode());
    hits = new Tracking(server);
    String utk = Tracking.utk();
    hits.pageView(utk, "https://site.example/landing?utm_source=newsletter&utm_medium=email&utm_campaign=spring",
        T0, EMAIL);
    hits.pageView(utk, "https://site.example/pricing", T0, "");
    hits.pageView(utk, "https://site.example/again", T0 + 86_400_000L, "");
    hits.event("_n=records_purchase&email=" + Tracking.enc(EMAIL) + "&_m=12.5&color=blue");
    assertEquals(201, client.send("POST", "/events/v3/event-definitions", new JsonObject().put("label", "Plan")
        .put("name", "records_plan").put("propertyDefinitions", new JsonArray()
            .add(new JsonObject().put("name", "plan").put("label", "Plan").put("type", "string")))).status());
    assertEquals(204, client.send("POST", "/events/v3/send", new JsonObject().put("eventName", "pe1_records_plan")
        .put("email", EMAIL).put("properties", new JsonObject().put("plan", "gold"))).status());
    server.awaitApplied();
    contactId = hits.contact(EMAIL, "email").getString("id");
    for (String name : List.of("Ada", "Brian", "Cleo")) {
      ContactApi.create(client, Map.of("email", name.toLowerCase() + "@list.records.example", "firstname", name,
          "lastname", "Lister"));
    }
  }

  private static JsonObject json(HttpResponse<String> answer, int status) {
    assertEquals(status, answer.statusCode(), answer.body());
    return new JsonObject(answer.body());
  }

  @Test
  void theContactListIsTheCrmSearchFilteredSortedAndPaged() {
    JsonObject body = new JsonObject().put("filterGroups", new JsonArray().add(new JsonObject().put("filters",
        new JsonArray().add(new JsonObject().put("propertyName", "lastname").put("operator", "EQ")
            .put("value", "Lister")))))
        .put("sorts", new JsonArray().add(new JsonObject().put("propertyName", "firstname")
            .put("direction", "DESCENDING")))
        .put("properties", new JsonArray().add("firstname").add("email")).put("limit", 2);
    JsonObject page = json(viewer.post("/dashboard/api/search/contacts", body), 200);
    assertEquals(3, page.getInteger("total"));
    assertEquals(List.of("Cleo", "Brian"), page.getJsonArray("results").stream()
        .map(r -> ((JsonObject) r).getJsonObject("properties").getString("firstname")).toList());
    assertEquals("2", page.getJsonObject("paging").getJsonObject("next").getString("after"));
    JsonObject tokens = json(viewer.post("/dashboard/api/search/contacts", new JsonObject().put("filterGroups",
        new JsonArray().add(new JsonObject().put("filters", new JsonArray().add(new JsonObject()
            .put("propertyName", "email").put("operator", "NOT_HAS_PROPERTY")))))), 200);
    assertEquals(0, tokens.getInteger("total"));
  }

  @Test
  void aContactRecordShowsItsAnalyticsAsTheHitsAddUp() {
    JsonObject record = json(viewer.get("/dashboard/api/records/contacts/" + contactId), 200);
    JsonObject analytics = record.getJsonObject("analytics");
    assertEquals(3, analytics.getLong("pageViews"));
    assertEquals(2, analytics.getLong("visits"));
    assertEquals(2, analytics.getLong("eventCompletions"));
    assertEquals("12.5", analytics.getString("revenue"));
    assertEquals("EMAIL_MARKETING", analytics.getString("source"));
    assertEquals("spring", analytics.getString("sourceData1"));
    JsonObject email = property(record, "email");
    assertEquals(EMAIL, email.getString("value"));
    assertEquals("string", email.getString("type"));
    assertTrue(email.getJsonArray("history").size() >= 1);
  }

  private static JsonObject property(JsonObject record, String name) {
    return record.getJsonArray("properties").stream().map(JsonObject.class::cast)
        .filter(p -> p.getString("name").equals(name)).findFirst().orElseThrow();
  }

  @Test
  void theTimelineFoldsPageViewsIntoVisitsWithTheirSourceBesideEventsAndIdentifies() {
    JsonArray items = json(viewer.get("/dashboard/api/contacts/" + contactId + "/timeline"), 200)
        .getJsonArray("results");
    List<String> kinds = items.stream().map(i -> ((JsonObject) i).getString("kind")).toList();
    assertEquals(List.of("event", "event", "visit", "visit", "identify"), kinds, items.encodePrettily());
    JsonObject plan = items.getJsonObject(0);
    assertEquals("pe1_records_plan", plan.getString("name"));
    assertEquals("gold", plan.getJsonObject("properties").getString("plan"));
    JsonObject event = items.getJsonObject(1);
    assertEquals("records_purchase", event.getString("name"));
    assertEquals("12.5", event.getString("value"));
    JsonObject older = items.getJsonObject(3);
    assertEquals(2, older.getJsonArray("pages").size());
    assertEquals("https://site.example/pricing", older.getJsonArray("pages").getJsonObject(0).getString("url"));
    assertEquals("EMAIL_MARKETING", older.getJsonObject("source").getString("type"));
    assertEquals(1, items.getJsonObject(2).getJsonArray("pages").size());
    assertEquals(EMAIL, items.getJsonObject(4).getJsonObject("values").getString("email"));
    JsonArray onlyEvents = json(viewer.get("/dashboard/api/contacts/" + contactId + "/timeline?kinds=EVENT"), 200)
        .getJsonArray("results");
    assertEquals(2, onlyEvents.size());
  }

  @Test
  void theValuesOneHitSetsAreOneIdentifyNamingWhereTheyCameFrom() {
    String email = "grouped@records.example";
    hits.event("_n=records_grouped&email=" + Tracking.enc(email) + "&firstname=Grace&lastname=Hopper");
    String id = hits.contact(email, "email").getString("id");
    List<JsonObject> identifies = json(viewer.get("/dashboard/api/contacts/" + id + "/timeline?kinds=IDENTIFY"), 200)
        .getJsonArray("results").stream().map(JsonObject.class::cast).toList();
    assertEquals(1, identifies.size(), identifies.toString());
    assertEquals("events-http-api", identifies.get(0).getString("via"));
    assertEquals(Map.of("email", email, "firstname", "Grace", "lastname", "Hopper"),
        identifies.get(0).getJsonObject("values").getMap());
    ContactApi.create(client, Map.of("email", "api-made@records.example", "firstname", "Api"));
    String apiMade = hits.contact("api-made@records.example", "email").getString("id");
    assertEquals(0, json(viewer.get("/dashboard/api/contacts/" + apiMade + "/timeline"), 200)
        .getJsonArray("results").size(), "values the API sets are not identifies");
  }

  @Test
  void anAdminChangesAPropertyAndAViewerOrAMissingCsrfTokenCannot() {
    JsonObject change = new JsonObject().put("properties", new JsonObject().put("firstname", "Edited"));
    String path = "/dashboard/api/records/contacts/" + contactId;
    assertEquals(403, viewer.send("PATCH", path, change).statusCode());
    assertEquals(403, admin.postWith("/dashboard/api/search/contacts", new JsonObject(), null).statusCode(),
        "a change or a search without the CSRF token");
    JsonObject record = json(admin.send("PATCH", path, change), 200);
    assertEquals("Edited", property(record, "firstname").getString("value"));
    assertEquals("Edited", hits.contact(EMAIL, "firstname").getJsonObject("properties").getString("firstname"));
    assertEquals("Edited", property(record, "firstname").getJsonArray("history").getJsonObject(0).getString("value"));
    JsonObject bad = json(admin.send("PATCH", path, new JsonObject().put("properties",
        new JsonObject().put("hs_analytics_num_visits", "9"))), 400);
    assertTrue(bad.getString("message").contains("hs_analytics_num_visits"), bad.encode());
  }

  @Test
  void aCompanyRecordListsItsContacts() {
    String company = client.send("POST", "/crm/v3/objects/companies", new JsonObject().put("properties",
        new JsonObject().put("name", "Records Inc").put("domain", "records.example"))).json().getString("id");
    assertEquals(200, client.sendRaw("PUT", "/crm/v4/objects/companies/" + company
        + "/associations/default/contacts/" + contactId, "application/json", "").status());
    JsonObject record = json(viewer.get("/dashboard/api/records/companies/" + company), 200);
    assertEquals("Records Inc", property(record, "name").getString("value"));
    JsonObject linked = record.getJsonObject("linked");
    assertEquals("contacts", linked.getString("type"));
    assertEquals(contactId, linked.getJsonArray("results").getJsonObject(0).getString("id"));
    assertNull(record.getJsonObject("analytics"));
    JsonObject contact = json(viewer.get("/dashboard/api/records/contacts/" + contactId), 200);
    assertEquals("Records Inc", contact.getJsonObject("linked").getJsonArray("results").getJsonObject(0)
        .getString("label"));
  }

  @Test
  void eventDefinitionsListTheirCompletionsAndLastSeenAndAdminsCreateAndDelete() {
    JsonObject purchase = definitions().stream().filter(d -> d.getString("name").equals("records_purchase"))
        .findFirst().orElseThrow();
    assertEquals(1, purchase.getLong("completions"));
    assertTrue(purchase.getString("lastSeen") != null, purchase.encode());
    assertEquals(403, viewer.post("/dashboard/api/event-definitions", new JsonObject().put("name", "x")).statusCode());
    JsonObject created = json(admin.post("/dashboard/api/event-definitions",
        new JsonObject().put("name", "Signed up in the app")), 201);
    assertEquals("app", created.getString("origin"));
    assertEquals(Long.parseLong(created.getString("id")), Long.parseLong(created.getString("numericId")));
    assertEquals(403, viewer.send("DELETE", "/dashboard/api/event-definitions/" + created.getString("numericId"),
        null).statusCode());
    assertEquals(204, admin.send("DELETE", "/dashboard/api/event-definitions/" + created.getString("numericId"),
        null).statusCode());
    assertTrue(definitions().stream().noneMatch(d -> d.getString("name").equals("Signed up in the app")));
    assertEquals(404, admin.send("DELETE", "/dashboard/api/event-definitions/" + created.getString("numericId"),
        null).statusCode());
  }

  private static List<JsonObject> definitions() {
    return json(viewer.get("/dashboard/api/event-definitions"), 200).getJsonArray("results").stream()
        .map(JsonObject.class::cast).toList();
  }

  @Test
  void aUserSeesOnlyTheirPortalsAndNothingWithoutASession() {
    secondPortal();
    assertEquals(404, viewer.get("/dashboard/api/records/contacts/" + contactId + "?hubId=2").statusCode());
    assertEquals(404, viewer.get("/dashboard/api/event-definitions?hubId=2").statusCode());
    DashboardSession nobody = new DashboardSession("http://127.0.0.1:" + server.spoor().port());
    assertEquals(401, nobody.get("/dashboard/api/records/contacts/" + contactId).statusCode());
    assertEquals(401, nobody.get("/dashboard/api/contacts/" + contactId + "/timeline").statusCode());
  }
}
