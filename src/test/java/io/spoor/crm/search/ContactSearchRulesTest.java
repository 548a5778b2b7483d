package io.spoor.crm.search;

import static io.spoor.crm.SearchApi.filter;
import static io.spoor.crm.SearchApi.found;
import static io.spoor.crm.SearchApi.ids;
import static io.spoor.crm.SearchApi.refused;
import static io.spoor.crm.SearchApi.search;
import static io.spoor.crm.SearchApi.where;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.crm.ContactApi;
import io.spoor.crm.SearchApi;
import io.spoor.crm.Tracking;
import io.spoor.http.Scope;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Contact search's limits and guarantees: bad input, portals, scopes, archived contacts, analytics from hits. */
class ContactSearchRulesTest {
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
  void unknownPropertiesAreRefused() {
    refused(client, where(filter("no_such_property", "EQ", "x")));
    refused(client, where(filter("firstname; DROP TABLE crm_object", "EQ", "x")));
    refused(client, new JsonObject().put("sorts", new JsonArray().add("no_such_property")));
  }

  @Test
  void unknownOperatorsAndMissingValuesAreRefused() {
    refused(client, where(filter("firstname", "LIKE", "x")));
    refused(client, where(filter("firstname", "EQ")));
    refused(client, where(filter("total_revenue", "BETWEEN", "1")));
    refused(client, where(filter("lastname", "IN")));
    refused(client, where(filter("lastname", "IN").put("values", new JsonArray())));
    refused(client, where(new JsonObject().put("operator", "EQ").put("value", "x")));
  }

  @Test
  void valuesMustFitThePropertysType() {
    refused(client, where(filter("total_revenue", "GT", "lots")));
    refused(client, where(filter("closedate", "GT", "yesterday")));
    refused(client, where(filter("total_revenue", "CONTAINS_TOKEN", "1")));
  }

  @Test
  void hubSpotsLimitsOnFiltersAndPagesHold() {
    JsonArray seven = new JsonArray();
    for (int i = 0; i < 7; i++) {
      seven.add(filter("firstname", "HAS_PROPERTY"));
    }
    refused(client, SearchApi.groups(seven));
    JsonArray one = new JsonArray().add(filter("firstname", "HAS_PROPERTY"));
    refused(client, SearchApi.groups(one, one, one, one, one, one));
    JsonArray five = new JsonArray(List.copyOf(seven.getList().subList(0, 5)));
    refused(client, SearchApi.groups(five, five, five, five));
    assertEquals(200, search(client, SearchApi.groups(five, five, five, one, one)).status());
    refused(client, new JsonObject().put("limit", 201));
    refused(client, new JsonObject().put("limit", 0));
    refused(client, new JsonObject().put("after", "next"));
    refused(client, new JsonObject().put("after", "10000"));
    refused(client, new JsonObject().put("filterGroups", "firstname"));
  }

  @Test
  void anotherPortalsTokenNeverFindsOrCountsItsContacts() {
    SpoorClient first = ContactApi.portal(server, 20, Set.of(Scope.CONTACTS_READ, Scope.CONTACTS_WRITE));
    SpoorClient second = ContactApi.portal(server, 21, Set.of(Scope.CONTACTS_READ, Scope.CONTACTS_WRITE));
    String mine = ContactApi.create(first, Map.of("email", "isolated@example.com", "lastname", "Isolated"));
    ContactApi.create(first, Map.of("lastname", "Isolated"));
    String theirs = ContactApi.create(second, Map.of("email", "isolated@example.org", "lastname", "Isolated"));
    JsonObject byName = where(filter("lastname", "EQ", "isolated"));
    assertEquals(2, found(first, byName).getLong("total"));
    JsonObject answer = found(second, byName);
    assertEquals(1, answer.getLong("total"));
    assertEquals(List.of(theirs), ids(answer));
    assertEquals(0, found(second, where(filter("hs_object_id", "EQ", mine))).getLong("total"));
    assertEquals(0, found(second, new JsonObject().put("query", "isolated@example.com")).getLong("total"));
    assertEquals(1, found(second, new JsonObject()).getLong("total"));
  }

  @Test
  void searchNeedsTheReadScope() {
    SpoorClient writer = ContactApi.scoped(server, Set.of(Scope.CONTACTS_WRITE));
    assertEquals(403, search(writer, new JsonObject()).status());
    assertEquals(200, search(ContactApi.scoped(server, Set.of(Scope.CONTACTS_READ)), new JsonObject()).status());
  }

  @Test
  void archivedContactsNeverMatch() {
    SpoorClient portal = ContactApi.portal(server, 22, Set.of(Scope.CONTACTS_READ, Scope.CONTACTS_WRITE));
    String kept = ContactApi.create(portal, Map.of("email", "kept@example.com", "lastname", "Archivist"));
    String archived = ContactApi.create(portal, Map.of("email", "gone@example.com", "lastname", "Archivist"));
    assertEquals(204, portal.delete(ContactApi.PATH + "/" + archived).status());
    JsonObject answer = found(portal, where(filter("lastname", "EQ", "archivist")));
    assertEquals(List.of(kept), ids(answer));
    assertEquals(1, answer.getLong("total"));
    assertEquals(0, found(portal, new JsonObject().put("query", "gone")).getLong("total"));
    assertEquals(0, found(portal, where(filter("hs_object_id", "EQ", archived))).getLong("total"));
  }

  @Test
  void analyticsFromHitsAreSearchable() {
    Tracking hits = new Tracking(server);
    hits.event("_n=search_probe&email=buyer1@search.example&lastname=Probed&_m=12.5");
    hits.event("_n=search_probe&email=buyer1@search.example&_m=12.5");
    hits.event("_n=search_probe&email=buyer2@search.example&lastname=Probed&_m=1");
    hits.pageView(Tracking.utk(), "https://site.example/landing", 1_783_669_943_308L, "visitor@search.example");
    client.send("PATCH", ContactApi.PATH + "/visitor%40search.example?idProperty=email",
        ContactApi.properties(Map.of("lastname", "Probed")));
    String one = hits.contact("buyer1@search.example", "email").getString("id");
    String two = hits.contact("buyer2@search.example", "email").getString("id");
    String three = hits.contact("visitor@search.example", "email").getString("id");
    JsonObject probed = filter("lastname", "EQ", "probed");
    assertEquals(List.of(one), ids(found(client, where(probed,
        filter("hs_analytics_num_event_completions", "GTE", 2)))));
    assertEquals(List.of(one), ids(found(client, where(probed, filter("hs_analytics_revenue", "GT", "12.5")))));
    assertEquals(List.of(two), ids(found(client, where(probed, filter("hs_analytics_revenue", "EQ", "1")))));
    assertEquals(List.of(three), ids(found(client, where(probed,
        filter("hs_analytics_first_url", "CONTAINS_TOKEN", "landing")))));
    assertEquals(List.of(three), ids(found(client, where(probed, filter("hs_analytics_num_page_views", "EQ", 1)))));
    assertEquals(List.of(one, two), ids(found(client, where(probed, filter("hs_analytics_source", "EQ", "OFFLINE"))
        .put("sorts", new JsonArray().add("hs_object_id")))));
    assertEquals(List.of(one, two, three), ids(found(client, where(probed).put("sorts",
        new JsonArray().add("-hs_analytics_revenue")))));
  }
}
