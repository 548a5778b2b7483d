package io.spoor.crm.association;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.crm.CompanyApi;
import io.spoor.crm.ContactApi;
import io.spoor.http.Scope;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient.Answer;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The v4 associations API and Segment's v3 call, between contacts and companies. */
public class AssociationApiTest {
  public static final String V4 = "/crm/v4/objects/";

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
  void associatingAContactWithACompanyAnswersTheDefaultType() {
    String contact = ContactApi.create(client, Map.of("email", "v4@assoc.example"));
    String company = CompanyApi.create(client, Map.of("domain", "v4.assoc.example"));
    Answer answer = client.send("PUT", V4 + "contacts/" + contact + "/associations/default/companies/" + company,
        new JsonObject());
    assertEquals(200, answer.status(), answer.body());
    JsonObject json = answer.json();
    assertEquals("COMPLETE", json.getString("status"));
    assertTrue(json.containsKey("startedAt") && json.containsKey("completedAt"), answer.body());
    JsonObject result = json.getJsonArray("results").getJsonObject(0);
    assertEquals(contact, result.getJsonObject("from").getString("id"));
    assertEquals(company, result.getJsonObject("to").getString("id"));
    assertEquals(new JsonObject().put("associationCategory", "HUBSPOT_DEFINED").put("associationTypeId", 279),
        result.getJsonObject("associationSpec"));
  }

  @Test
  void anAssociationIsListedFromBothEndsWithItsTypeAndOnlyOnce() {
    String contact = ContactApi.create(client, Map.of("email", "both@assoc.example"));
    String company = CompanyApi.create(client, Map.of("domain", "both.assoc.example"));
    associate("companies", company, "contacts", contact);
    associate("contacts", contact, "companies", company);
    assertEquals(List.of(Map.entry(Long.parseLong(company), 279)), listed("contacts", contact, "companies"));
    assertEquals(List.of(Map.entry(Long.parseLong(contact), 280)), listed("companies", company, "contacts"));
    JsonObject type = client.get(V4 + "companies/" + company + "/associations/contacts").json()
        .getJsonArray("results").getJsonObject(0).getJsonArray("associationTypes").getJsonObject(0);
    assertEquals("HUBSPOT_DEFINED", type.getString("category"));
    assertTrue(type.containsKey("label") && type.getValue("label") == null, type.encode());
  }

  @Test
  void deleteRemovesTheAssociationBothWays() {
    String contact = ContactApi.create(client, Map.of("email", "delete@assoc.example"));
    String company = CompanyApi.create(client, Map.of("domain", "delete.assoc.example"));
    associate("contacts", contact, "companies", company);
    assertEquals(204, client.delete(V4 + "companies/" + company + "/associations/contacts/" + contact).status());
    assertEquals(List.of(), listed("contacts", contact, "companies"));
    assertEquals(List.of(), listed("companies", company, "contacts"));
    assertEquals(204, client.delete(V4 + "companies/" + company + "/associations/contacts/" + contact).status());
  }

  @Test
  void anArchivedCompanyIsNoLongerListed() {
    String contact = ContactApi.create(client, Map.of("email", "archived@assoc.example"));
    String company = CompanyApi.create(client, Map.of("domain", "archived.assoc.example"));
    associate("contacts", contact, "companies", company);
    assertEquals(204, client.delete(CompanyApi.PATH + "/" + company).status());
    assertEquals(List.of(), listed("contacts", contact, "companies"));
  }

  @Test
  void aMissingObjectAtEitherEndIsNotFound() {
    String contact = ContactApi.create(client, Map.of("email", "missing@assoc.example"));
    String company = CompanyApi.create(client, Map.of("domain", "missing.assoc.example"));
    for (String path : List.of("contacts/" + contact + "/associations/default/companies/999999",
        "contacts/999999/associations/default/companies/" + company,
        "contacts/" + company + "/associations/default/companies/" + contact,
        "contacts/not-an-id/associations/default/companies/" + company)) {
      Answer answer = client.send("PUT", V4 + path, new JsonObject());
      assertEquals(404, answer.status(), path);
      assertEquals("OBJECT_NOT_FOUND", answer.json().getString("category"), path);
    }
    assertEquals(404, client.get(V4 + "contacts/999999/associations/companies").status());
    assertEquals(404, client.delete(V4 + "contacts/" + contact + "/associations/companies/999999").status());
  }

  @Test
  void typesThatCannotBeAssociatedAreRefused() {
    String contact = ContactApi.create(client, Map.of("email", "types@assoc.example"));
    String other = ContactApi.create(client, Map.of("email", "types2@assoc.example"));
    assertEquals(400, client.send("PUT", V4 + "contacts/" + contact + "/associations/default/contacts/" + other,
        new JsonObject()).status());
    Answer deals = client.get(V4 + "contacts/" + contact + "/associations/deals");
    assertEquals(400, deals.status());
    assertEquals("Unable to infer object type from: deals", deals.json().getString("message"));
  }

  @Test
  void segmentsV3CallAssociatesAndAnswersTheCompanyWithItsContacts() {
    String contact = ContactApi.create(client, Map.of("email", "segment@assoc.example"));
    String company = CompanyApi.create(client, Map.of("domain", "segment.assoc.example", "name", "Segmented"));
    Answer answer = client.send("PUT", CompanyApi.PATH + "/" + company + "/associations/contacts/" + contact
        + "/company_to_contact", new JsonObject());
    assertEquals(200, answer.status(), answer.body());
    assertEquals(company, answer.json().getString("id"));
    assertEquals("Segmented", answer.json().getJsonObject("properties").getString("name"));
    JsonObject associated = answer.json().getJsonObject("associations").getJsonObject("contacts")
        .getJsonArray("results").getJsonObject(0);
    assertEquals(new JsonObject().put("id", contact).put("type", "company_to_contact"), associated);
    assertEquals(List.of(Map.entry(Long.parseLong(company), 279)), listed("contacts", contact, "companies"));
  }

  @Test
  void theV3CallRefusesATypeGoingTheOtherWayAndMissingObjects() {
    String contact = ContactApi.create(client, Map.of("email", "v3@assoc.example"));
    String company = CompanyApi.create(client, Map.of("domain", "v3.assoc.example"));
    String path = CompanyApi.PATH + "/" + company + "/associations/contacts/";
    assertEquals(400, client.send("PUT", path + contact + "/contact_to_company", new JsonObject()).status());
    assertEquals(200, client.send("PUT", path + contact + "/280", new JsonObject()).status());
    assertEquals(404, client.send("PUT", path + "999999/company_to_contact", new JsonObject()).status());
    assertEquals(404, client.send("PUT", ContactApi.PATH + "/" + contact + "/associations/companies/999999/"
        + "contact_to_company", new JsonObject()).status());
  }

  @Test
  void eachCallNeedsTheScopeOfTheObjectItStartsFrom() {
    String contact = ContactApi.create(client, Map.of("email", "scopes@assoc.example"));
    String company = CompanyApi.create(client, Map.of("domain", "scopes.assoc.example"));
    SpoorClient contactWriter = ContactApi.scoped(server, EnumSet.of(Scope.CONTACTS_WRITE, Scope.CONTACTS_READ));
    assertEquals(200, contactWriter.send("PUT", V4 + "contacts/" + contact + "/associations/default/companies/"
        + company, new JsonObject()).status());
    assertEquals(403, contactWriter.send("PUT", V4 + "companies/" + company + "/associations/default/contacts/"
        + contact, new JsonObject()).status());
    assertEquals(403, contactWriter.get(V4 + "companies/" + company + "/associations/contacts").status());
    SpoorClient contactReader = ContactApi.scoped(server, EnumSet.of(Scope.CONTACTS_READ));
    assertEquals(200, contactReader.get(V4 + "contacts/" + contact + "/associations/companies").status());
    assertEquals(403, contactReader.delete(V4 + "contacts/" + contact + "/associations/companies/" + company)
        .status());
  }

  @Test
  void anotherPortalNeverAssociatesListsOrRemovesThisPortalsObjects() {
    String contact = ContactApi.create(client, Map.of("email", "isolated@assoc.example"));
    String company = CompanyApi.create(client, Map.of("domain", "isolated.assoc.example"));
    associate("contacts", contact, "companies", company);
    SpoorClient other = ContactApi.portal(server, 2, Scope.all());
    String theirContact = ContactApi.create(other, Map.of("email", "theirs@assoc.example"));
    String theirCompany = CompanyApi.create(other, Map.of("domain", "theirs.assoc.example"));
    for (String path : List.of("contacts/" + contact + "/associations/default/companies/" + company,
        "contacts/" + theirContact + "/associations/default/companies/" + company,
        "companies/" + theirCompany + "/associations/default/contacts/" + contact)) {
      assertEquals(404, other.send("PUT", V4 + path, new JsonObject()).status(), path);
    }
    assertEquals(404, other.send("PUT", CompanyApi.PATH + "/" + company + "/associations/contacts/" + theirContact
        + "/company_to_contact", new JsonObject()).status());
    assertEquals(404, other.get(V4 + "contacts/" + contact + "/associations/companies").status());
    assertEquals(404, other.delete(V4 + "contacts/" + contact + "/associations/companies/" + company).status());
    assertEquals(List.of(Map.entry(Long.parseLong(company), 279)), listed("contacts", contact, "companies"));
    assertEquals(List.of(), listed(other, "contacts", theirContact, "companies"));
  }

  private static void associate(String fromType, String fromId, String toType, String toId) {
    Answer answer = client.send("PUT", V4 + fromType + "/" + fromId + "/associations/default/" + toType + "/" + toId,
        new JsonObject());
    assertEquals(200, answer.status(), answer.body());
  }

  private static List<Map.Entry<Long, Integer>> listed(String fromType, String fromId, String toType) {
    return listed(client, fromType, fromId, toType);
  }

  /** Each associated object with its type id. */
  private static List<Map.Entry<Long, Integer>> listed(SpoorClient as, String fromType, String fromId, String toType) {
    Answer answer = as.get(V4 + fromType + "/" + fromId + "/associations/" + toType);
    assertEquals(200, answer.status(), answer.body());
    JsonArray results = answer.json().getJsonArray("results");
    return results.stream().map(r -> (JsonObject) r).map(r -> Map.entry(r.getLong("toObjectId"),
        r.getJsonArray("associationTypes").getJsonObject(0).getInteger("typeId"))).toList();
  }
}
