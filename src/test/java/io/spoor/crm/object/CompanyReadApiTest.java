package io.spoor.crm.object;

import static io.spoor.crm.CompanyApi.PATH;
import static io.spoor.crm.CompanyApi.create;
import static io.spoor.crm.CompanyApi.get;
import static io.spoor.crm.ContactApi.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.spoor.crm.ContactApi;
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

/** Reading companies: by id, domain or a custom unique property; the list; value history. */
class CompanyReadApiTest {
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
  void aReadNamingNoPropertiesShowsHubSpotsDefaultOnes() {
    String id = create(client, Map.of("name", "Defaults", "domain", "defaults.example", "city", "Oslo"));
    JsonObject json = get(client, id, "").json();
    JsonObject p = json.getJsonObject("properties");
    assertEquals(List.of("createdate", "domain", "hs_lastmodifieddate", "hs_object_id", "name"),
        p.fieldNames().stream().sorted().toList());
    assertEquals("defaults.example", p.getString("domain"));
    assertEquals(id, p.getString("hs_object_id"));
    assertEquals(json.getString("createdAt"), p.getString("createdate"));
  }

  @Test
  void aCompanyIsReadByItsDomainInAnyForm() {
    String id = create(client, Map.of("domain", "by-domain.example"));
    for (String ref : List.of("by-domain.example", "WWW.By-Domain.Example", "by-domain.example:443")) {
      Answer answer = get(client, ref, "idProperty=domain");
      assertEquals(200, answer.status(), ref);
      assertEquals(id, answer.json().getString("id"), ref);
    }
    assertEquals(404, get(client, "nobody.example", "idProperty=domain").status());
  }

  @Test
  void aCompanyIsReadByACustomUniqueProperty() {
    Answer defined = client.send("POST", "/crm/v3/properties/companies", new JsonObject().put("name", "vat_number")
        .put("label", "VAT number").put("type", "string").put("fieldType", "text")
        .put("groupName", "companyinformation").put("hasUniqueValue", true));
    assertEquals(201, defined.status(), defined.body());
    String id = create(client, Map.of("name", "Taxed", "vat_number", "NO123"));
    Answer answer = get(client, "NO123", "idProperty=vat_number&properties=name");
    assertEquals(200, answer.status(), answer.body());
    assertEquals(id, answer.json().getString("id"));
    assertEquals(404, get(client, "NO999", "idProperty=vat_number").status());
  }

  @Test
  void anIdPropertyWithoutUniqueValuesIsRefused() {
    Answer answer = get(client, "Acme", "idProperty=name");
    assertEquals(400, answer.status());
    assertEquals("VALIDATION_ERROR", answer.json().getString("category"));
  }

  @Test
  void theListPagesThroughEveryCompanyInIdOrderWithoutContacts() {
    SpoorClient portal = ContactApi.portal(server, 3, Scope.all());
    ContactApi.create(portal, Map.of("email", "not-a-company@example.com"));
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(create(portal, Map.of("domain", "page" + i + ".example")));
    }
    List<String> listed = new ArrayList<>();
    String next = PATH + "?limit=2&properties=domain";
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
  void archivedCompaniesAreNotListed() {
    SpoorClient portal = ContactApi.portal(server, 4, Scope.all());
    String kept = create(portal, Map.of("name", "Kept"));
    String gone = create(portal, Map.of("name", "Gone"));
    assertEquals(204, portal.delete(PATH + "/" + gone).status());
    JsonArray results = portal.get(PATH).json().getJsonArray("results");
    assertEquals(1, results.size());
    assertEquals(kept, results.getJsonObject(0).getString("id"));
    assertEquals("Kept", results.getJsonObject(0).getJsonObject("properties").getString("name"));
  }

  @Test
  void aLimitOutsideOneToAHundredOrABadCursorIsRefused() {
    for (String query : List.of("limit=0", "limit=101", "after=abc")) {
      assertEquals(400, client.get(PATH + "?" + query).status(), query);
    }
  }

  @Test
  void historyListsEveryChangeNewestFirst() {
    String id = create(client, Map.of("name", "First"));
    client.send("PATCH", PATH + "/" + id, properties(Map.of("name", "Second")));
    JsonObject json = get(client, id, "propertiesWithHistory=name,hs_object_id").json();
    JsonArray name = json.getJsonObject("propertiesWithHistory").getJsonArray("name");
    assertEquals("Second", name.getJsonObject(0).getString("value"));
    assertEquals("First", name.getJsonObject(1).getString("value"));
    assertEquals("API", name.getJsonObject(0).getString("sourceType"));
    JsonObject objectId = json.getJsonObject("propertiesWithHistory").getJsonArray("hs_object_id").getJsonObject(0);
    assertEquals("CALCULATED", objectId.getString("sourceType"));
    assertEquals(id, objectId.getString("value"));
  }

  @Test
  void aContactIdIsNotACompany() {
    String contact = ContactApi.create(client, Map.of("email", "not-a-company-either@example.com"));
    assertEquals(404, get(client, contact, "").status());
    assertEquals(404, ContactApi.get(client, create(client, Map.of("name", "Not a contact")), "").status());
  }

  @Test
  void readsNeedTheCompaniesReadScope() {
    SpoorClient contactsOnly = ContactApi.scoped(server, EnumSet.of(Scope.CONTACTS_READ, Scope.COMPANIES_WRITE));
    assertEquals(403, contactsOnly.get(PATH).status());
    assertEquals(403, contactsOnly.get(PATH + "/1").status());
    assertEquals(403, contactsOnly.send("POST", PATH + "/batch/read", new JsonObject()
        .put("inputs", new JsonArray())).status());
  }

  @Test
  void anotherPortalsTokenNeverListsOrReadsTheCompanies() {
    String id = create(client, Map.of("domain", "private.example", "name", "Private"));
    SpoorClient other = ContactApi.portal(server, 2, Scope.all());
    String theirs = create(other, Map.of("name", "Theirs"));
    JsonArray listed = other.get(PATH + "?limit=100").json().getJsonArray("results");
    assertEquals(1, listed.size());
    assertEquals(theirs, listed.getJsonObject(0).getString("id"));
    assertEquals(404, get(other, id, "propertiesWithHistory=name").status());
    assertEquals(404, get(other, "private.example", "idProperty=domain").status());
    assertNull(other.get(PATH + "?limit=100").json().getJsonObject("paging"));
  }

  private static String relative(String link) {
    URI uri = URI.create(link);
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }
}
