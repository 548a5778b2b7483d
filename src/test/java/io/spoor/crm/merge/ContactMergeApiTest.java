package io.spoor.crm.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.spoor.crm.ContactApi;
import io.spoor.crm.Tracking;
import io.spoor.http.Scope;
import io.spoor.testkit.SpoorClient.Answer;
import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorPerClass;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /crm/v3/objects/contacts/merge}: values, activity, analytics and emails go to the primary. */
class ContactMergeApiTest extends SpoorPerClass {
  private static final String MERGE = ContactApi.PATH + "/merge";
  private static final long T0 = 1_783_669_943_308L;
  private static final String ANALYTICS = "hs_analytics_num_page_views,hs_analytics_num_visits,"
      + "hs_analytics_num_event_completions,hs_analytics_revenue,hs_analytics_first_url,hs_analytics_first_timestamp,"
      + "hs_analytics_last_timestamp";
  private static Tracking hits;

  @BeforeAll
  static void tracking() {
    hits = new Tracking(server);
  }

  @Test
  void thePrimaryKeepsItsValuesAndTakesTheOthersWhereItHasNone() {
    String primary = ContactApi.create(client, Map.of("email", "keeper@merge.example", "firstname", "Keeper"));
    String other = ContactApi.create(client, Map.of("email", "gone@merge.example", "firstname", "Gone",
        "lastname", "Merged", "company", "Acme"));
    JsonObject merged = merge(primary, other);
    assertEquals(primary, merged.getString("id"));
    assertFalse(merged.getBoolean("archived"));
    JsonObject p = merged.getJsonObject("properties");
    assertEquals("keeper@merge.example", p.getString("email"));
    assertEquals("Keeper", p.getString("firstname"));
    assertEquals("Merged", p.getString("lastname"));
    assertEquals("Acme", p.getString("company"));
    assertEquals("gone@merge.example", p.getString("hs_additional_emails"));
    assertEquals(other, p.getString("hs_merged_object_ids"));
    assertEquals(404, ContactApi.get(client, other, "").status());
  }

  @Test
  void theMergedEmailFindsThePrimaryForLookupsHitsAndNewContacts() {
    String primary = ContactApi.create(client, Map.of("email", "alias-primary@merge.example"));
    String other = ContactApi.create(client, Map.of("email", "alias-old@merge.example"));
    merge(primary, other);
    assertEquals(primary, hits.contact("alias-old@merge.example", "email").getString("id"));
    hits.event("_n=alias_event&email=alias-old@merge.example");
    assertEquals("1", hits.contact("alias-primary@merge.example", "hs_analytics_num_event_completions")
        .getJsonObject("properties").getString("hs_analytics_num_event_completions"));
    String utk = Tracking.utk();
    hits.pageView(utk, "https://site.example/again", T0, "alias-old@merge.example");
    assertEquals(primary, hits.visitor(utk).getString("contactId"));
    Answer created = client.send("POST", ContactApi.PATH, ContactApi.properties(Map.of("email",
        "ALIAS-OLD@merge.example")));
    assertEquals(409, created.status());
    assertEquals("Contact already exists. Existing ID: " + primary, created.json().getString("message"));
  }

  @Test
  void activityAndAnalyticsMoveToThePrimaryAddedUp() {
    String otherUtk = Tracking.utk();
    hits.pageView(otherUtk, "https://site.example/first-ever", T0, "busy-other@merge.example");
    hits.event("_n=merge_event&email=busy-other@merge.example&id=ext-busy-other&_m=5");
    String primaryUtk = Tracking.utk();
    hits.pageView(primaryUtk, "https://site.example/later", T0 + 86_400_000, "busy-primary@merge.example");
    hits.pageView(primaryUtk, "https://site.example/later-still", T0 + 86_400_000, "");
    hits.event("_n=merge_event&email=busy-primary@merge.example&_m=2.5");
    JsonObject before = hits.contact("busy-other@merge.example", ANALYTICS).getJsonObject("properties");
    JsonObject primary = hits.contact("busy-primary@merge.example", ANALYTICS);
    JsonObject mine = primary.getJsonObject("properties");
    String other = hits.contact("busy-other@merge.example", "email").getString("id");
    merge(primary.getString("id"), other);

    JsonObject after = hits.contact("busy-primary@merge.example", ANALYTICS).getJsonObject("properties");
    assertEquals("3", after.getString("hs_analytics_num_page_views"));
    assertEquals("2", after.getString("hs_analytics_num_visits"));
    assertEquals("2", after.getString("hs_analytics_num_event_completions"));
    assertEquals("7.5", after.getString("hs_analytics_revenue"));
    assertEquals("https://site.example/first-ever", after.getString("hs_analytics_first_url"));
    assertEquals(earlier(before, mine, "hs_analytics_first_timestamp"),
        after.getString("hs_analytics_first_timestamp"));
    assertEquals(later(before, mine, "hs_analytics_last_timestamp"), after.getString("hs_analytics_last_timestamp"));
    assertEquals(primary.getString("id"), hits.visitor(otherUtk).getString("contactId"));
    assertEquals(5, client.get("/api/v1/contacts/" + primary.getString("id") + "/timeline").json()
        .getJsonArray("results").size());

    hits.event("_n=merge_event&id=ext-busy-other");
    assertEquals("3", hits.contact("busy-primary@merge.example", ANALYTICS).getJsonObject("properties")
        .getString("hs_analytics_num_event_completions"));
    hits.pageView(otherUtk, "https://site.example/back", T0 + 2 * 86_400_000, "");
    assertEquals("4", hits.contact("busy-primary@merge.example", ANALYTICS).getJsonObject("properties")
        .getString("hs_analytics_num_page_views"));
  }

  @Test
  void theOthersCompaniesAreAssociatedWithThePrimary() {
    String primary = ContactApi.create(client, Map.of("email", "employee@merge.example"));
    String other = ContactApi.create(client, Map.of("email", "contractor@merge.example"));
    Answer company = client.send("POST", "/crm/v3/objects/companies", ContactApi.properties(Map.of("domain",
        "employer.example")));
    assertEquals(201, company.status(), company.body());
    String companyId = company.json().getString("id");
    assertEquals(200, client.send("PUT", "/crm/v4/objects/contacts/" + other + "/associations/default/companies/"
        + companyId, new JsonObject()).status());
    merge(primary, other);
    JsonObject associations = ContactApi.get(client, primary, "associations=companies").json()
        .getJsonObject("associations");
    assertEquals(companyId, associations.getJsonObject("companies").getJsonArray("results").getJsonObject(0)
        .getString("id"));
  }

  @Test
  void aPrimaryWithoutEmailTakesTheOthersAsItsOwn() {
    String primary = ContactApi.create(client, Map.of("firstname", "Nameless"));
    String other = ContactApi.create(client, Map.of("email", "named@merge.example"));
    JsonObject p = merge(primary, other).getJsonObject("properties");
    assertEquals("named@merge.example", p.getString("email"));
    assertEquals(null, p.getString("hs_additional_emails"));
    assertEquals(primary, hits.contact("named@merge.example", "email").getString("id"));
  }

  @Test
  void emailsAndIdsOfEarlierMergesFollowTheNextOne() {
    String first = ContactApi.create(client, Map.of("email", "chain-a@merge.example"));
    String second = ContactApi.create(client, Map.of("email", "chain-b@merge.example"));
    String third = ContactApi.create(client, Map.of("email", "chain-c@merge.example"));
    merge(first, second);
    JsonObject p = merge(third, first).getJsonObject("properties");
    assertEquals("chain-a@merge.example;chain-b@merge.example", p.getString("hs_additional_emails"));
    assertEquals(first + ";" + second, p.getString("hs_merged_object_ids"));
    assertEquals(third, hits.contact("chain-b@merge.example", "email").getString("id"));
  }

  @Test
  void unknownIdsAreNotFoundAndAContactCannotBeMergedWithItself() {
    String id = ContactApi.create(client, Map.of("email", "lonely@merge.example"));
    assertEquals(404, send(id, "999999999").status());
    assertEquals("OBJECT_NOT_FOUND", send("999999999", id).json().getString("category"));
    assertEquals(404, send(id, "not-a-number").status());
    Answer self = send(id, id);
    assertEquals(400, self.status());
    assertEquals("VALIDATION_ERROR", self.json().getString("category"));
    assertEquals(400, client.send("POST", MERGE, new JsonObject().put("primaryObjectId", id)).status());
    assertEquals(200, ContactApi.get(client, id, "").status());
  }

  @Test
  void anotherPortalsContactsAreNotFoundAndMergingNeedsTheWriteScope() {
    SpoorClient elsewhere = server.newPortal(30, Set.of(Scope.CONTACTS_READ, Scope.CONTACTS_WRITE));
    String theirs = ContactApi.create(elsewhere, Map.of("email", "theirs@merge.example"));
    String mine = ContactApi.create(client, Map.of("email", "mine@merge.example"));
    assertEquals(404, send(mine, theirs).status());
    assertEquals(404, elsewhere.send("POST", MERGE, body(theirs, mine)).status());
    assertEquals(200, ContactApi.get(elsewhere, theirs, "").status());
    SpoorClient reader = server.scoped(Set.of(Scope.CONTACTS_READ));
    assertEquals(403, reader.send("POST", MERGE, body(mine, mine)).status());
  }

  private static JsonObject merge(String primary, String other) {
    Answer answer = send(primary, other);
    assertEquals(200, answer.status(), answer.body());
    return answer.json();
  }

  private static Answer send(String primary, String other) {
    return client.send("POST", MERGE, body(primary, other));
  }

  private static JsonObject body(String primary, String other) {
    return new JsonObject().put("primaryObjectId", primary).put("objectIdToMerge", other);
  }

  private static String earlier(JsonObject a, JsonObject b, String name) {
    return Instant.parse(a.getString(name)).isBefore(Instant.parse(b.getString(name))) ? a.getString(name)
        : b.getString(name);
  }

  private static String later(JsonObject a, JsonObject b, String name) {
    return Instant.parse(a.getString(name)).isAfter(Instant.parse(b.getString(name))) ? a.getString(name)
        : b.getString(name);
  }
}
