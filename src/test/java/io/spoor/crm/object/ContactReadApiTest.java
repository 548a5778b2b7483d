package io.spoor.crm.object;

import static io.spoor.crm.ContactApi.PATH;
import static io.spoor.crm.ContactApi.create;
import static io.spoor.crm.ContactApi.get;
import static io.spoor.crm.ContactApi.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.crm.ContactApi;
import io.spoor.crm.ContactProperties;
import io.spoor.http.Scope;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient.Answer;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Listing contacts, and reading a contact's value history ({@code propertiesWithHistory}). */
class ContactReadApiTest {
  private static RunningSpoor server;
  private static SpoorClient client;

  @BeforeAll
  static void start() {
    server = RunningSpoor.start();
    client = server.client();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theListPagesThroughEveryContactInIdOrder() {
    SpoorClient portal = ContactApi.portal(server, 3, Scope.all());
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(create(portal, Map.of("email", "page" + i + "@example.com")));
    }
    List<String> listed = new ArrayList<>();
    String next = PATH + "?limit=2";
    int pages = 0;
    while (next != null) {
      JsonObject page = portal.get(next).json();
      page.getJsonArray("results").forEach(r -> listed.add(((JsonObject) r).getString("id")));
      JsonObject paging = page.getJsonObject("paging");
      next = paging == null ? null : relative(paging.getJsonObject("next").getString("link"));
      pages++;
    }
    assertEquals(created, listed);
    assertEquals(3, pages);
  }

  @Test
  void theListShowsTenByDefaultWithHubSpotsDefaultProperties() {
    SpoorClient portal = ContactApi.portal(server, 4, Scope.all());
    for (int i = 0; i < 11; i++) {
      create(portal, Map.of("email", "ten" + i + "@example.com", "city", "Oslo"));
    }
    JsonObject page = portal.get(PATH).json();
    assertEquals(10, page.getJsonArray("results").size());
    JsonObject first = page.getJsonArray("results").getJsonObject(0).getJsonObject("properties");
    assertEquals(ContactProperties.DEFAULT_READ.stream().sorted().toList(),
        first.fieldNames().stream().sorted().toList());
    String after = page.getJsonObject("paging").getJsonObject("next").getString("after");
    JsonObject rest = portal.get(PATH + "?after=" + after + "&properties=city").json();
    assertEquals(1, rest.getJsonArray("results").size());
    assertEquals("Oslo", rest.getJsonArray("results").getJsonObject(0).getJsonObject("properties").getString("city"));
    assertNull(rest.getJsonObject("paging"));
  }

  @Test
  void archivedContactsAreNotListed() {
    SpoorClient portal = ContactApi.portal(server, 5, Scope.all());
    String kept = create(portal, Map.of("firstname", "Kept"));
    String gone = create(portal, Map.of("firstname", "Gone"));
    assertEquals(204, portal.delete(PATH + "/" + gone).status());
    JsonArray results = portal.get(PATH).json().getJsonArray("results");
    assertEquals(1, results.size());
    assertEquals(kept, results.getJsonObject(0).getString("id"));
  }

  @Test
  void aLimitOutsideOneToAHundredOrABadCursorIsRefused() {
    for (String query : List.of("limit=0", "limit=101", "limit=ten", "after=abc")) {
      Answer answer = client.get(PATH + "?" + query);
      assertEquals(400, answer.status(), query);
      assertEquals("VALIDATION_ERROR", answer.json().getString("category"), query);
    }
  }

  @Test
  void historyListsEveryChangeNewestFirstWithItsSource() {
    String id = create(client, Map.of("email", "history@example.com", "firstname", "Ada"));
    client.send("PATCH", PATH + "/" + id, properties(Map.of("firstname", "Grace")));
    client.send("PATCH", PATH + "/" + id, properties(Map.of("firstname", "")));
    JsonObject json = get(client, id, "propertiesWithHistory=firstname,email").json();
    JsonArray firstname = json.getJsonObject("propertiesWithHistory").getJsonArray("firstname");
    assertEquals(List.of("", "Grace", "Ada"), values(firstname));
    assertEquals("API", firstname.getJsonObject(0).getString("sourceType"));
    assertFalse(firstname.getJsonObject(0).containsKey("sourceId"));
    assertEquals(List.of("history@example.com"),
        values(json.getJsonObject("propertiesWithHistory").getJsonArray("email")));
    assertNull(json.getJsonObject("properties").getString("firstname"));
  }

  @Test
  void historyNamesTheTrackingSourceAndComputedValues() {
    String id = create(client, Map.of("email", "sources@example.com"));
    client.event("_a=1&_n=history_source&email=sources@example.com&jobtitle=Pilot");
    JsonObject history = get(client, id, "propertiesWithHistory=jobtitle,createdate").json()
        .getJsonObject("propertiesWithHistory");
    JsonObject jobtitle = history.getJsonArray("jobtitle").getJsonObject(0);
    assertEquals("Pilot", jobtitle.getString("value"));
    assertEquals("ANALYTICS", jobtitle.getString("sourceType"));
    assertEquals("events-http-api", jobtitle.getString("sourceId"));
    JsonObject createdate = history.getJsonArray("createdate").getJsonObject(0);
    assertEquals("CALCULATED", createdate.getString("sourceType"));
    assertTrue(createdate.getString("value").endsWith("Z"), createdate.encode());
  }

  @Test
  void readsNeedTheReadScope() {
    SpoorClient writer = ContactApi.scoped(server, EnumSet.of(Scope.CONTACTS_WRITE));
    assertEquals(403, writer.get(PATH).status());
    assertEquals(403, writer.get(PATH + "/1").status());
  }

  @Test
  void anotherPortalsTokenNeverListsOrReadsTheContacts() {
    String id = create(client, Map.of("email", "private@example.com", "firstname", "Private"));
    SpoorClient other = ContactApi.portal(server, 2, Scope.all());
    String theirs = create(other, Map.of("firstname", "Theirs"));
    JsonArray listed = other.get(PATH + "?limit=100").json().getJsonArray("results");
    assertEquals(1, listed.size());
    assertEquals(theirs, listed.getJsonObject(0).getString("id"));
    assertEquals(404, get(other, id, "propertiesWithHistory=firstname").status());
    assertEquals(404, get(other, "private@example.com", "idProperty=email").status());
  }

  private static List<String> values(JsonArray history) {
    List<String> values = new ArrayList<>();
    history.forEach(e -> values.add(((JsonObject) e).getString("value")));
    return values;
  }

  private static String relative(String link) {
    URI uri = URI.create(link);
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }
}
