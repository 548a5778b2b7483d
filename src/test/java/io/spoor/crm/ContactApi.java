package io.spoor.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.http.Scope;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient.Answer;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;

/** Calls of the CRM contacts API shared by its HTTP tests. */
public final class ContactApi {
  public static final String PATH = "/crm/v3/objects/contacts";

  private ContactApi() {
  }

  public static JsonObject properties(Map<String, String> values) {
    return new JsonObject().put("properties", new JsonObject(Map.copyOf(values)));
  }

  /** Creates a contact that must be created, and returns its id. */
  public static String create(SpoorClient client, Map<String, String> values) {
    Answer answer = client.send("POST", PATH, properties(values));
    assertEquals(201, answer.status(), answer.body());
    return answer.json().getString("id");
  }

  public static Answer get(SpoorClient client, String id, String query) {
    return client.get(PATH + "/" + id + (query.isEmpty() ? "" : "?" + query));
  }

  public static Answer batch(SpoorClient client, String call, JsonArray inputs) {
    return client.send("POST", PATH + "/batch/" + call, new JsonObject().put("inputs", inputs));
  }

  /** A new portal, without rate limits, and a client holding a token of it with the given scopes. */
  public static SpoorClient portal(RunningSpoor server, long hubId, Set<Scope> scopes) {
    return server.newPortal(hubId, scopes);
  }

  /** A client of portal 1 whose token has only these scopes. */
  public static SpoorClient scoped(RunningSpoor server, Set<Scope> scopes) {
    return server.scoped(scopes);
  }
}
