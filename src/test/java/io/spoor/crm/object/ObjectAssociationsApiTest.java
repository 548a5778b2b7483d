package io.spoor.crm.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.spoor.crm.CompanyApi;
import io.spoor.crm.ContactApi;
import io.spoor.crm.association.AssociationApiTest;
import io.spoor.http.Scope;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient.Answer;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Associations through the v3 object calls: {@code associations} on create, and on reads. */
class ObjectAssociationsApiTest {
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
  void aContactCreatedWithACompanyIsReadWithIt() {
    String company = CompanyApi.create(client, Map.of("domain", "create.assoc.example"));
    Answer created = client.send("POST", ContactApi.PATH, ContactApi.properties(Map.of("email", "create@assoc.example"))
        .put("associations", associations(company, 279)));
    assertEquals(201, created.status(), created.body());
    String contact = created.json().getString("id");
    JsonObject read = ContactApi.get(client, contact, "associations=companies").json();
    assertEquals(List.of(new JsonObject().put("id", company).put("type", "contact_to_company")),
        results(read, "companies"));
    JsonObject fromCompany = CompanyApi.get(client, company, "associations=contacts&properties=domain").json();
    assertEquals(List.of(new JsonObject().put("id", contact).put("type", "company_to_contact")),
        results(fromCompany, "contacts"));
    assertEquals("create.assoc.example", fromCompany.getJsonObject("properties").getString("domain"));
  }

  @Test
  void aCompanyCreatedWithAContactIsAssociatedBothWays() {
    String contact = ContactApi.create(client, Map.of("email", "company-create@assoc.example"));
    Answer created = client.send("POST", CompanyApi.PATH, ContactApi.properties(Map.of("name", "With contact"))
        .put("associations", associations(contact, 280)));
    assertEquals(201, created.status(), created.body());
    JsonObject read = ContactApi.get(client, contact, "associations=companies").json();
    assertEquals(created.json().getString("id"), results(read, "companies").get(0).getString("id"));
  }

  @Test
  void aCreateWithAMissingAssociatedObjectCreatesNothing() {
    Answer answer = client.send("POST", ContactApi.PATH, ContactApi.properties(Map.of("email",
        "nothing@assoc.example")).put("associations", associations("999999", 279)));
    assertEquals(404, answer.status(), answer.body());
    assertEquals("OBJECT_NOT_FOUND", answer.json().getString("category"));
    assertEquals(List.of("999999"), answer.json().getJsonObject("context").getJsonArray("id").getList());
    assertEquals(404, ContactApi.get(client, "nothing@assoc.example", "idProperty=email").status());
  }

  @Test
  void aCreateWithATypeGoingFromTheOtherObjectIsRefused() {
    String company = CompanyApi.create(client, Map.of("domain", "wrong-way.assoc.example"));
    Answer answer = client.send("POST", ContactApi.PATH, ContactApi.properties(Map.of("email",
        "wrong-way@assoc.example")).put("associations", associations(company, 280)));
    assertEquals(400, answer.status(), answer.body());
    assertEquals(404, ContactApi.get(client, "wrong-way@assoc.example", "idProperty=email").status());
  }

  @Test
  void batchCreateTakesAssociationsPerInputAndUpdatesRefuseThem() {
    String company = CompanyApi.create(client, Map.of("domain", "batch.assoc.example"));
    Answer answer = ContactApi.batch(client, "create", new JsonArray()
        .add(ContactApi.properties(Map.of("email", "batch1@assoc.example")).put("associations",
            associations(company, 279)))
        .add(ContactApi.properties(Map.of("email", "batch2@assoc.example"))));
    assertEquals(201, answer.status(), answer.body());
    String first = answer.json().getJsonArray("results").getJsonObject(0).getString("id");
    String second = answer.json().getJsonArray("results").getJsonObject(1).getString("id");
    assertEquals(1, results(ContactApi.get(client, first, "associations=companies").json(), "companies").size());
    assertFalse(ContactApi.get(client, second, "associations=companies").json().containsKey("associations"));
    Answer update = ContactApi.batch(client, "update", new JsonArray().add(ContactApi.properties(Map.of())
        .put("id", second).put("associations", associations(company, 279))));
    assertEquals(400, update.status());
  }

  @Test
  void theListShowsEachObjectsAssociations() {
    SpoorClient portal = ContactApi.portal(server, 3, Scope.all());
    String company = CompanyApi.create(portal, Map.of("domain", "list.assoc.example"));
    String with = ContactApi.create(portal, Map.of("email", "with@assoc.example"));
    ContactApi.create(portal, Map.of("email", "without@assoc.example"));
    assertEquals(200, portal.send("PUT", AssociationApiTest.V4 + "companies/" + company
        + "/associations/default/contacts/" + with, new JsonObject()).status());
    JsonArray listed = portal.get(ContactApi.PATH + "?associations=companies").json().getJsonArray("results");
    assertEquals(company, results(listed.getJsonObject(0), "companies").get(0).getString("id"));
    assertFalse(listed.getJsonObject(1).containsKey("associations"));
  }

  @Test
  void readsRefuseAssociationsWithTypesThatCannotBeAssociated() {
    String contact = ContactApi.create(client, Map.of("email", "refused@assoc.example"));
    assertEquals(400, ContactApi.get(client, contact, "associations=contacts").status());
    assertEquals(400, ContactApi.get(client, contact, "associations=deals").status());
  }

  @Test
  void anotherPortalNeitherSeesNorCreatesAssociationsWithThisPortalsObjects() {
    String company = CompanyApi.create(client, Map.of("domain", "mine.assoc.example"));
    String contact = ContactApi.create(client, Map.of("email", "mine@assoc.example"));
    assertEquals(200, client.send("PUT", AssociationApiTest.V4 + "contacts/" + contact
        + "/associations/default/companies/" + company, new JsonObject()).status());
    SpoorClient other = ContactApi.portal(server, 2, Scope.all());
    Answer created = other.send("POST", ContactApi.PATH, ContactApi.properties(Map.of("email", "theirs@assoc.example"))
        .put("associations", associations(company, 279)));
    assertEquals(404, created.status());
    assertEquals(404, ContactApi.get(other, contact, "associations=companies").status());
    assertEquals(404, CompanyApi.get(other, company, "associations=contacts").status());
    String theirs = ContactApi.create(other, Map.of("email", "mine@assoc.example"));
    assertFalse(ContactApi.get(other, theirs, "associations=companies").json().containsKey("associations"));
    assertEquals(1, results(ContactApi.get(client, contact, "associations=companies").json(), "companies").size());
  }

  private static JsonArray associations(String toId, int typeId) {
    return new JsonArray().add(new JsonObject().put("to", new JsonObject().put("id", toId))
        .put("types", new JsonArray().add(new JsonObject().put("associationCategory", "HUBSPOT_DEFINED")
            .put("associationTypeId", typeId))));
  }

  private static List<JsonObject> results(JsonObject object, String type) {
    return object.getJsonObject("associations").getJsonObject(type).getJsonArray("results").stream()
        .map(r -> (JsonObject) r).toList();
  }
}
