package io.spoor.crm.object;

import static io.spoor.crm.CompanyApi.PATH;
import static io.spoor.crm.CompanyApi.create;
import static io.spoor.crm.ContactApi.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.crm.CompanyApi;
import io.spoor.testkit.SpoorClient.Answer;
import io.spoor.testkit.SpoorPerClass;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What only a company does on create and update; what contacts and companies do alike is {@link ObjectWriteApiTest}'s. */
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
}
