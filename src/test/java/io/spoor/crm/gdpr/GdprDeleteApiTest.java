package io.spoor.crm.gdpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.crm.ContactApi;
import io.spoor.crm.SearchApi;
import io.spoor.crm.Tracking;
import io.spoor.http.Scope;
import io.spoor.testkit.SpoorClient.Answer;
import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorPerClass;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /crm/v3/objects/contacts/gdpr-delete}: a contact and everything it did, erased for good. */
class GdprDeleteApiTest extends SpoorPerClass {
  private static final String GDPR = ContactApi.PATH + "/gdpr-delete";
  private static final long T0 = 1_783_669_943_308L;
  private static Tracking hits;

  @BeforeAll
  static void tracking() {
    hits = new Tracking(server);
  }

  @Test
  void theContactAndEverythingItDidAreGone() {
    String utk = Tracking.utk();
    hits.pageView(utk, "https://site.example/anonymous", T0, "");
    hits.pageView(utk, "https://site.example/signup", T0, "erased@gdpr.example");
    hits.event("_n=gdpr_event&email=erased@gdpr.example&id=ext-erased");
    String id = hits.contact("erased@gdpr.example", "email").getString("id");
    client.send("PATCH", ContactApi.PATH + "/" + id, ContactApi.properties(Map.of("lastname", "Forgotten")));
    assertEquals(1, hits.completions("gdpr_event"));

    assertEquals(204, erase(new JsonObject().put("objectId", id)).status());

    assertEquals(404, ContactApi.get(client, id, "").status());
    assertEquals(404, client.get("/api/v1/contacts/" + id + "/timeline").status());
    assertEquals(0, SearchApi.found(client, SearchApi.where(SearchApi.filter("lastname", "EQ", "forgotten")))
        .getLong("total"));
    for (String table : List.of("crm_object WHERE id", "object_property WHERE object_id",
        "property_history WHERE object_id", "unique_value WHERE object_id",
        "event_completion WHERE contact_id", "page_view WHERE contact_id", "external_id WHERE contact_id")) {
      assertEquals(0, hits.stored("SELECT COUNT(*) FROM " + table + " = ?", Long.parseLong(id)), table);
    }
    assertEquals(0, hits.stored("SELECT COUNT(*) FROM page_view WHERE utk = ?", utk));
    JsonObject visitor = hits.visitor(utk);
    assertNull(visitor.getString("contactId"));
    assertEquals(0, visitor.getLong("numPageViews"));
    assertEquals(0, hits.completions("gdpr_event"));
    hits.event("_n=gdpr_event&id=ext-erased");
    assertEquals(1, hits.rejections("UNKNOWN_EXTERNAL_ID", "ext-erased").size());
  }

  @Test
  void rejectedHitsThatNameTheContactLeaveTheRejectionList() {
    hits.event("_n=naming_event&id=ext-named");
    hits.event("_n=naming_event&email=Named%40GDPR.example&_m=abc");
    hits.event("_n=naming_event&email=named%40gdpr.example&id=ext-named");
    hits.event("_n=naming_event&email=kept%40gdpr.example&_m=abc");
    hits.event("_n=naming_event&email=kept%40gdpr.example&id=ext-named-too");
    assertEquals(1, hits.rejections("UNKNOWN_EXTERNAL_ID", "id=ext-named").size());
    assertEquals(1, hits.rejections("INVALID_REVENUE", "Named%40GDPR").size());
    String id = hits.contact("named@gdpr.example", "email").getString("id");

    assertEquals(204, erase(new JsonObject().put("objectId", id)).status());

    assertEquals(List.of(), hits.rejections("UNKNOWN_EXTERNAL_ID", "id=ext-named"));
    assertEquals(List.of(), hits.rejections("INVALID_REVENUE", "Named%40GDPR"));
    assertEquals(1, hits.rejections("INVALID_REVENUE", "kept%40gdpr").size(), "another person's rejection");
  }

  @Test
  void rejectedHitsNamingAnEmailTheContactHadBeforeGoToo() {
    hits.event("_n=naming_event&email=earlier%40gdpr.example&_m=abc");
    assertEquals(1, hits.rejections("INVALID_REVENUE", "earlier%40gdpr").size());
    String id = hits.contact("earlier@gdpr.example", "email").getString("id");
    assertEquals(200, client.send("PATCH", ContactApi.PATH + "/" + id,
        ContactApi.properties(Map.of("email", "later@gdpr.example"))).status());

    assertEquals(204, erase(new JsonObject().put("objectId", id)).status());

    assertEquals(List.of(), hits.rejections("INVALID_REVENUE", "earlier%40gdpr"));
  }

  @Test
  void theEmailIsFreeAgainWithNoHistory() {
    String id = ContactApi.create(client, Map.of("email", "again@gdpr.example", "lastname", "Before"));
    assertEquals(204, erase(new JsonObject().put("objectId", "again@gdpr.example").put("idProperty", "email"))
        .status());
    String fresh = ContactApi.create(client, Map.of("email", "again@gdpr.example"));
    JsonObject read = ContactApi.get(client, fresh, "properties=lastname&propertiesWithHistory=lastname").json();
    assertNull(read.getJsonObject("properties").getString("lastname"));
    assertEquals(new JsonArray(), read.getJsonObject("propertiesWithHistory").getJsonArray("lastname"));
    assertTrue(Long.parseLong(fresh) > Long.parseLong(id));
  }

  @Test
  void theVisitorsLaterHitsStartAfreshAndBringNothingErased() {
    String utk = Tracking.utk();
    hits.pageView(utk, "https://site.example/old-1", T0, "before@gdpr.example");
    hits.pageView(utk, "https://site.example/old-2", T0, "");
    erase(new JsonObject().put("objectId", "before@gdpr.example").put("idProperty", "email"));

    hits.pageView(utk, "https://site.example/fresh", T0 + 86_400_000, "");
    JsonObject visitor = hits.visitor(utk);
    assertNull(visitor.getString("contactId"));
    assertEquals(1, visitor.getLong("numPageViews"));
    assertEquals(1, visitor.getLong("numVisits"));
    assertEquals("https://site.example/fresh", visitor.getString("firstUrl"));
    hits.pageView(utk, "https://site.example/signup", T0 + 86_400_000, "after@gdpr.example");
    JsonObject p = hits.contact("after@gdpr.example", "hs_analytics_num_page_views,hs_analytics_first_url")
        .getJsonObject("properties");
    assertEquals("2", p.getString("hs_analytics_num_page_views"));
    assertEquals("https://site.example/fresh", p.getString("hs_analytics_first_url"));
    String after = hits.contact("after@gdpr.example", "email").getString("id");
    assertEquals(2, client.get("/api/v1/contacts/" + after + "/timeline").json().getJsonArray("results").size());
  }

  @Test
  void contactsMergedIntoItAreErasedToo() {
    String primary = ContactApi.create(client, Map.of("email", "merged-primary@gdpr.example"));
    String other = ContactApi.create(client, Map.of("email", "merged-other@gdpr.example", "firstname", "Other"));
    assertEquals(200, client.send("POST", ContactApi.PATH + "/merge", new JsonObject()
        .put("primaryObjectId", primary).put("objectIdToMerge", other)).status());
    assertEquals(204, erase(new JsonObject().put("objectId", primary)).status());
    for (String id : List.of(primary, other)) {
      assertEquals(0, hits.stored("SELECT COUNT(*) FROM crm_object WHERE id = ?", Long.parseLong(id)));
      assertEquals(0, hits.stored("SELECT COUNT(*) FROM object_property WHERE object_id = ?", Long.parseLong(id)));
    }
    assertEquals(0, hits.stored("SELECT COUNT(*) FROM unique_value WHERE value LIKE 'merged-%@gdpr.example'"));
  }

  @Test
  void itsCompanyAssociationsAreRemoved() {
    String id = ContactApi.create(client, Map.of("email", "associated@gdpr.example"));
    Answer company = client.send("POST", "/crm/v3/objects/companies", ContactApi.properties(Map.of("domain",
        "gdpr-employer.example")));
    String companyId = company.json().getString("id");
    String path = "/crm/v4/objects/companies/" + companyId + "/associations/contacts";
    assertEquals(200, client.send("PUT", path.replace("/associations/contacts", "/associations/default/contacts/")
        + id, new JsonObject()).status());
    assertEquals(1, client.get(path).json().getJsonArray("results").size());
    assertEquals(204, erase(new JsonObject().put("objectId", id)).status());
    assertEquals(0, client.get(path).json().getJsonArray("results").size());
    assertEquals(0, hits.stored("SELECT COUNT(*) FROM crm_association WHERE from_id = ? OR to_id = ?",
        Long.parseLong(id), Long.parseLong(id)));
  }

  @Test
  void anArchivedContactCanBeErasedByItsId() {
    String id = ContactApi.create(client, Map.of("email", "archived@gdpr.example", "firstname", "Archived"));
    assertEquals(204, client.delete(ContactApi.PATH + "/" + id).status());
    assertEquals(204, erase(new JsonObject().put("objectId", id)).status());
    assertEquals(0, hits.stored("SELECT COUNT(*) FROM object_property WHERE object_id = ?", Long.parseLong(id)));
  }

  @Test
  void unknownContactsAndOtherPortalsContactsAreNotFound() {
    assertEquals(404, erase(new JsonObject().put("objectId", "999999999")).status());
    assertEquals(404, erase(new JsonObject().put("objectId", "nobody@gdpr.example").put("idProperty", "email"))
        .status());
    SpoorClient elsewhere = server.newPortal(40, Set.of(Scope.CONTACTS_READ, Scope.CONTACTS_WRITE));
    String theirs = ContactApi.create(elsewhere, Map.of("email", "theirs@gdpr.example"));
    Answer answer = erase(new JsonObject().put("objectId", theirs));
    assertEquals(404, answer.status());
    assertEquals("OBJECT_NOT_FOUND", answer.json().getString("category"));
    assertEquals(200, ContactApi.get(elsewhere, theirs, "").status());
    assertEquals(400, erase(new JsonObject()).status());
    assertEquals(400, erase(new JsonObject().put("objectId", theirs).put("idProperty", "firstname")).status());
    SpoorClient reader = server.scoped(Set.of(Scope.CONTACTS_READ));
    assertEquals(403, reader.send("POST", GDPR, new JsonObject().put("objectId", theirs)).status());
  }

  private static Answer erase(JsonObject body) {
    return client.send("POST", GDPR, body);
  }
}
