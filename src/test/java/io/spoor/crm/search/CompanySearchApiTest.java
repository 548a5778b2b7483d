package io.spoor.crm.search;

import static io.spoor.crm.SearchApi.filter;
import static io.spoor.crm.SearchApi.ids;
import static io.spoor.crm.SearchApi.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.crm.CompanyApi;
import io.spoor.crm.ContactApi;
import io.spoor.http.Scope;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorClient.Answer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /crm/v3/objects/companies/search}: the contact search's filters, sorts and paging, for companies. */
class CompanySearchApiTest {
  private static final String PATH = CompanyApi.PATH + "/search";
  private static RunningSpoor server;
  private static SpoorClient client;
  private static String acme;
  private static String globex;
  private static String initech;

  @BeforeAll
  static void start() {
    server = RunningSpoor.start();
    client = ContactApi.portal(server, 20, Set.of(Scope.COMPANIES_READ, Scope.COMPANIES_WRITE, Scope.CONTACTS_READ));
    acme = CompanyApi.create(client, Map.of("domain", "acme.example", "name", "Acme Corporation"));
    globex = CompanyApi.create(client, Map.of("domain", "globex.example", "name", "Globex"));
    initech = CompanyApi.create(client, Map.of("domain", "initech.example", "name", "Initech"));
    String archived = CompanyApi.create(client, Map.of("domain", "gone.example", "name", "Acme Gone"));
    assertEquals(204, client.delete(CompanyApi.PATH + "/" + archived).status());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aCompanyIsFoundByItsDomainWhateverItsCase() {
    JsonObject page = found(where(filter("domain", "EQ", "Globex.EXAMPLE")));
    assertEquals(List.of(globex), ids(page));
    assertEquals(1, page.getLong("total"));
    JsonObject properties = page.getJsonArray("results").getJsonObject(0).getJsonObject("properties");
    assertEquals("globex.example", properties.getString("domain"));
    assertEquals("Globex", properties.getString("name"), "a search without properties shows the default read");
  }

  @Test
  void theTextQueryLooksInTheNameAndTheDomainOfLiveCompaniesOnly() {
    assertEquals(List.of(acme), ids(found(new JsonObject().put("query", "acme"))));
    assertEquals(List.of(initech), ids(found(new JsonObject().put("query", "initech.example"))));
  }

  @Test
  void sortsAndPagesAsTheContactSearchDoes() {
    JsonObject body = new JsonObject().put("sorts", new JsonArray().add(new JsonObject()
        .put("propertyName", "name").put("direction", "DESCENDING"))).put("limit", 2);
    JsonObject first = found(body);
    assertEquals(List.of(initech, globex), ids(first));
    assertEquals(3, first.getLong("total"));
    String after = first.getJsonObject("paging").getJsonObject("next").getString("after");
    assertEquals(List.of(acme), ids(found(body.copy().put("after", after))));
  }

  @Test
  void theLastModifiedDateIsTheCompanysOwn() {
    assertEquals(List.of(acme, globex, initech),
        ids(found(where(filter("hs_lastmodifieddate", "GT", "2000-01-01T00:00:00Z")))));
    assertEquals(List.of(acme, globex, initech), ids(found(where(filter("hs_object_id", "HAS_PROPERTY")))));
  }

  @Test
  void aContactPropertyIsNoCompanyProperty() {
    Answer answer = client.send("POST", PATH, where(filter("email", "EQ", "ada@acme.example")));
    assertEquals(400, answer.status(), answer.body());
    assertTrue(answer.body().contains("Property email does not exist on companies"), answer.body());
  }

  @Test
  void searchingCompaniesNeedsTheirReadScope() {
    SpoorClient contactsOnly = ContactApi.scoped(server, Set.of(Scope.CONTACTS_READ));
    assertEquals(403, contactsOnly.send("POST", PATH, new JsonObject()).status());
  }

  private static JsonObject found(JsonObject body) {
    Answer answer = client.send("POST", PATH, body);
    assertEquals(200, answer.status(), answer.body());
    return answer.json();
  }
}
