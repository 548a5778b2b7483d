package io.spoor.crm.object;

import static io.spoor.crm.CompanyApi.PATH;
import static io.spoor.crm.CompanyApi.create;
import static io.spoor.crm.CompanyApi.get;
import static io.spoor.crm.ContactApi.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.crm.CompanyApi;
import io.spoor.http.Scope;
import io.spoor.testkit.SpoorClient.Answer;
import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorPerClass;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Create, update and archive one company: {@code POST}, {@code PATCH}, {@code DELETE}. */
class CompanyWriteApiTest extends SpoorPerClass {

  @Test
  void createAnswersTheNewCompanyWithItsDomainWithoutSchemeOrWww() {
    Answer answer = client.send("POST", PATH, properties(Map.of("name", "Acme", "domain",
        "https://www.Acme.example/about", "numberofemployees", "12")));
    assertEquals(201, answer.status(), answer.body());
    JsonObject json = answer.json();
    JsonObject p = json.getJsonObject("properties");
    assertEquals("acme.example", p.getString("domain"));
    assertEquals("Acme", p.getString("name"));
    assertEquals("12", p.getString("numberofemployees"));
    assertEquals(json.getString("id"), p.getString("hs_object_id"));
    assertEquals(json.getString("createdAt"), p.getString("createdate"));
    assertEquals(json.getString("updatedAt"), p.getString("hs_lastmodifieddate"));
    assertFalse(json.getBoolean("archived"));
    assertEquals("Acme", CompanyApi.properties(client, json.getString("id"), "name").getString("name"));
  }

  @Test
  void aTakenDomainIsAConflictNamingTheExistingCompany() {
    String id = create(client, Map.of("domain", "taken.example"));
    Answer answer = client.send("POST", PATH, properties(Map.of("domain", "WWW.Taken.Example")));
    assertEquals(409, answer.status());
    assertEquals("CONFLICT", answer.json().getString("category"));
    assertEquals("Company already exists. Existing ID: " + id, answer.json().getString("message"));
  }

  @Test
  void companiesWithoutDomainAreCreatedWithoutConflict() {
    assertNotEquals(create(client, Map.of("name", "No domain")), create(client, Map.of("name", "No domain")));
  }

  @Test
  void everyBadPropertyIsListedInOneValidationError() {
    Answer answer = client.send("POST", PATH, properties(Map.of("domain", "not a domain", "email", "a@b.example",
        "numberofemployees", "many", "hs_lastmodifieddate", "2024-01-01T00:00:00Z")));
    assertEquals(400, answer.status());
    String message = answer.json().getString("message");
    assertEquals("VALIDATION_ERROR", answer.json().getString("category"));
    for (String code : List.of("INVALID_DOMAIN", "PROPERTY_DOESNT_EXIST", "INVALID_INTEGER", "READ_ONLY_VALUE")) {
      assertTrue(message.contains(code), code + " in " + message);
    }
  }

  @Test
  void associationsWithAnUnknownTypeAreRefused() {
    JsonObject body = properties(Map.of("name", "Typed")).put("associations", new JsonArray()
        .add(new JsonObject().put("to", new JsonObject().put("id", "1")).put("types", new JsonArray()
            .add(new JsonObject().put("associationCategory", "USER_DEFINED").put("associationTypeId", 280)))));
    assertEquals(400, client.send("POST", PATH, body).status());
  }

  @Test
  void patchSetsAndEmptyStringClears() {
    String id = create(client, Map.of("name", "Patched", "city", "Lima"));
    Answer answer = client.send("PATCH", PATH + "/" + id, properties(Map.of("city", "", "industry", "Retail")));
    assertEquals(200, answer.status(), answer.body());
    assertEquals("Retail", answer.json().getJsonObject("properties").getString("industry"));
    JsonObject p = CompanyApi.properties(client, id, "city,industry,name");
    assertNull(p.getString("city"));
    assertEquals("Retail", p.getString("industry"));
    assertEquals("Patched", p.getString("name"));
  }

  @Test
  void patchByDomainFindsTheCompany() {
    String id = create(client, Map.of("domain", "patch-by-domain.example"));
    Answer answer = client.send("PATCH", PATH + "/WWW.Patch-By-Domain.example?idProperty=domain",
        properties(Map.of("name", "Found")));
    assertEquals(200, answer.status(), answer.body());
    assertEquals(id, answer.json().getString("id"));
  }

  @Test
  void patchOfAnUnknownCompanyIsNotFound() {
    Answer answer = client.send("PATCH", PATH + "/999999", properties(Map.of("name", "Ghost")));
    assertEquals(404, answer.status());
    assertEquals("OBJECT_NOT_FOUND", answer.json().getString("category"));
    assertEquals(404, client.send("PATCH", PATH + "/nowhere.example?idProperty=domain",
        properties(Map.of("name", "Ghost"))).status());
  }

  @Test
  void changingTheDomainMovesTheKeyAndATakenOneIsAConflict() {
    String id = create(client, Map.of("domain", "old-domain.example"));
    String other = create(client, Map.of("domain", "other-domain.example"));
    assertEquals(200, client.send("PATCH", PATH + "/" + id, properties(Map.of("domain", "new-domain.example")))
        .status());
    assertEquals(id, get(client, "new-domain.example", "idProperty=domain").json().getString("id"));
    assertEquals(404, get(client, "old-domain.example", "idProperty=domain").status());
    Answer taken = client.send("PATCH", PATH + "/" + id, properties(Map.of("domain", "other-domain.example")));
    assertEquals(409, taken.status());
    assertEquals("Company already exists. Existing ID: " + other, taken.json().getString("message"));
  }

  @Test
  void deleteArchivesTheCompanyAndFreesItsDomain() {
    String id = create(client, Map.of("domain", "archived.example"));
    assertEquals(204, client.delete(PATH + "/" + id).status());
    assertEquals(404, get(client, id, "").status());
    assertNotEquals(id, create(client, Map.of("domain", "archived.example")));
  }

  @Test
  void writesNeedTheCompaniesWriteScope() {
    SpoorClient reader = server.scoped(EnumSet.of(Scope.COMPANIES_READ, Scope.CONTACTS_WRITE));
    assertEquals(403, reader.send("POST", PATH, properties(Map.of("name", "x"))).status());
    assertEquals(403, reader.send("PATCH", PATH + "/1", properties(Map.of("name", "x"))).status());
    assertEquals(403, reader.delete(PATH + "/1").status());
  }

  @Test
  void anotherPortalsTokenNeverUpdatesOrArchivesTheCompany() {
    String id = create(client, Map.of("domain", "mine.example", "name", "Mine"));
    SpoorClient other = secondPortal();
    assertEquals(404, other.send("PATCH", PATH + "/" + id, properties(Map.of("name", "Theirs"))).status());
    assertEquals(404, other.send("PATCH", PATH + "/mine.example?idProperty=domain",
        properties(Map.of("name", "Theirs"))).status());
    assertEquals(204, other.delete(PATH + "/" + id).status());
    String theirs = create(other, Map.of("domain", "mine.example"));
    assertNotEquals(id, theirs);
    assertEquals("Mine", CompanyApi.properties(client, id, "name").getString("name"));
    assertEquals(id, get(client, "mine.example", "idProperty=domain").json().getString("id"));
  }
}
