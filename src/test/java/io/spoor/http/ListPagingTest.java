package io.spoor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorClient.Answer;
import io.spoor.testkit.SpoorPerClass;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Every list endpoint pages HubSpot's way: {@code limit}, {@code after} and {@code paging.next}. */
class ListPagingTest extends SpoorPerClass {

  @Test
  void eventDefinitionsArePagedInIdOrderWithANextLink() {
    SpoorClient portal = server.newPortal(11, Scope.all());
    for (int i = 0; i < 5; i++) {
      client.event("_a=11&_n=paged_" + i);
    }
    JsonObject first = portal.get("/api/v1/event-definitions?limit=2").json();
    assertEquals(2, first.getJsonArray("results").size());
    String link = first.getJsonObject("paging").getJsonObject("next").getString("link");
    assertTrue(link.startsWith(client.base() + "/api/v1/event-definitions?after="), link);
    assertEquals(List.of("paged_0", "paged_1", "paged_2", "paged_3", "paged_4"),
        all(portal, "/api/v1/event-definitions?limit=2", d -> d.getString("name")));
    assertEquals(5, portal.get("/api/v1/event-definitions").json().getJsonArray("results").size());
  }

  @Test
  void aListWithoutMoreHasNoPagingAndTheDefaultPageIsAHundred() {
    SpoorClient portal = server.newPortal(12, Scope.all());
    for (int i = 0; i < 101; i++) {
      assertEquals(201, portal.send("POST", "/api/v1/event-definitions", new JsonObject().put("name", "many_" + i))
          .status());
    }
    JsonObject page = portal.get("/api/v1/event-definitions").json();
    assertEquals(100, page.getJsonArray("results").size());
    JsonObject rest = portal.get("/api/v1/event-definitions?after="
        + page.getJsonObject("paging").getJsonObject("next").getString("after")).json();
    assertEquals(1, rest.getJsonArray("results").size());
    assertFalse(rest.containsKey("paging"));
  }

  @Test
  void tokensArePaged() {
    SpoorClient portal = server.newPortal(13, Scope.all());
    for (int i = 0; i < 4; i++) {
      assertEquals(201, portal.send("POST", "/api/v1/tokens", new JsonObject().put("name", "t" + i)).status());
    }
    JsonObject first = portal.get("/api/v1/tokens?limit=3").json();
    assertEquals(3, first.getJsonArray("results").size());
    assertEquals(List.of("test", "t0", "t1", "t2", "t3"), all(portal, "/api/v1/tokens?limit=3", t -> t.getString("name")));
  }

  @Test
  void behaviouralEventDefinitionsArePagedWithTheirTotal() {
    SpoorClient portal = server.newPortal(14, Scope.all());
    for (int i = 0; i < 3; i++) {
      assertEquals(201, portal.send("POST", "/events/v3/event-definitions", new JsonObject()
          .put("label", "Step " + i).put("name", "step_" + i)).status());
    }
    JsonObject first = portal.get("/events/v3/event-definitions?limit=2").json();
    assertEquals(3, first.getInteger("total"));
    assertEquals(2, first.getJsonArray("results").size());
    assertEquals(List.of("pe14_step_0", "pe14_step_1", "pe14_step_2"),
        all(portal, "/events/v3/event-definitions?limit=2", d -> d.getString("fullyQualifiedName")));
  }

  @Test
  void associationsArePaged() {
    SpoorClient portal = server.newPortal(15, Scope.all());
    String company = created(portal, "/crm/v3/objects/companies", new JsonObject().put("name", "Many"));
    List<String> contacts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String contact = created(portal, "/crm/v3/objects/contacts", new JsonObject().put("email", "a" + i + "@many.example"));
      contacts.add(contact);
      assertEquals(200, portal.send("PUT", "/crm/v4/objects/companies/" + company
          + "/associations/default/contacts/" + contact, new JsonObject()).status());
    }
    String path = "/crm/v4/objects/companies/" + company + "/associations/contacts";
    assertEquals(2, portal.get(path + "?limit=2").json().getJsonArray("results").size());
    assertEquals(contacts, all(portal, path + "?limit=2", a -> String.valueOf(a.getLong("toObjectId"))));
    assertEquals(400, portal.get(path + "?limit=501").status());
  }

  @Test
  void aBadLimitOrCursorIsABadRequest() {
    for (String query : List.of("limit=0", "limit=1001", "limit=ten", "after=-1", "after=x")) {
      Answer answer = client.get("/api/v1/event-definitions?" + query);
      assertEquals(400, answer.status(), query);
      assertEquals("error", answer.json().getString("status"), query);
    }
  }

  private static String created(SpoorClient portal, String path, JsonObject properties) {
    Answer answer = portal.send("POST", path, new JsonObject().put("properties", properties));
    assertEquals(201, answer.status(), answer.body());
    return answer.json().getString("id");
  }

  /** Every item of the list, page by page through {@code paging.next.link}. */
  private static List<String> all(SpoorClient portal, String first, Function<JsonObject, String> value) {
    List<String> values = new ArrayList<>();
    String path = first;
    for (int pages = 0; path != null; pages++) {
      assertTrue(pages < 100, "paging does not end");
      JsonObject page = portal.get(path).json();
      JsonArray results = page.getJsonArray("results");
      results.stream().map(JsonObject.class::cast).map(value).forEach(values::add);
      path = page.containsKey("paging")
          ? page.getJsonObject("paging").getJsonObject("next").getString("link").substring(portal.base().length())
          : null;
    }
    return values;
  }
}
