package io.spoor.crm.object;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.crm.CompanyApi;
import io.spoor.crm.ContactApi;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A property shows at most its newest {@code --history-per-property} history entries, however it changes. */
class PropertyHistoryCapTest {
  private static RunningSpoor server;
  private static SpoorClient client;

  @BeforeAll
  static void start() {
    server = RunningSpoor.start(Map.of("history-per-property", "3"));
    client = server.client();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void anonymousHitsChangingAPropertyOverAndOverKeepOnlyItsNewestEntries() {
    for (String name : List.of("A", "B", "C", "D", "E")) {
      client.event("_a=1&_n=renamed&email=often@example.com&firstname=" + name);
    }
    JsonObject contact = client.get(ContactApi.PATH + "/often@example.com?idProperty=email"
        + "&propertiesWithHistory=firstname").json();
    assertEquals(List.of("E", "D", "C"), values(contact, "firstname"));
  }

  @Test
  void apiUpdatesOfACompanyKeepOnlyItsNewestEntries() {
    String id = CompanyApi.create(client, Map.of("name", "v1"));
    for (String name : List.of("v2", "v3", "v4", "v5")) {
      assertEquals(200, client.send("PATCH", CompanyApi.PATH + "/" + id, ContactApi.properties(Map.of("name", name)))
          .status());
    }
    JsonObject company = CompanyApi.get(client, id, "propertiesWithHistory=name").json();
    assertEquals(List.of("v5", "v4", "v3"), values(company, "name"));
  }

  private static List<String> values(JsonObject object, String property) {
    JsonArray history = object.getJsonObject("propertiesWithHistory").getJsonArray(property);
    return history.stream().map(JsonObject.class::cast).map(e -> e.getString("value")).collect(Collectors.toList());
  }
}
