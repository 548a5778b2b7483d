package io.spoor.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.testkit.SpoorClient.Answer;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** Calls of the CRM companies API shared by its HTTP tests. */
public final class CompanyApi {
  public static final String PATH = "/crm/v3/objects/companies";

  private CompanyApi() {
  }

  /** Creates a company that must be created, and returns its id. */
  public static String create(SpoorClient client, Map<String, String> values) {
    Answer answer = client.send("POST", PATH, ContactApi.properties(values));
    assertEquals(201, answer.status(), answer.body());
    return answer.json().getString("id");
  }

  public static Answer get(SpoorClient client, String id, String query) {
    return client.get(PATH + "/" + id + (query.isEmpty() ? "" : "?" + query));
  }

  public static JsonObject properties(SpoorClient client, String id, String names) {
    Answer answer = get(client, id, "properties=" + names);
    assertEquals(200, answer.status(), answer.body());
    return answer.json().getJsonObject("properties");
  }

  public static Answer batch(SpoorClient client, String call, JsonArray inputs) {
    return client.send("POST", PATH + "/batch/" + call, new JsonObject().put("inputs", inputs));
  }
}
