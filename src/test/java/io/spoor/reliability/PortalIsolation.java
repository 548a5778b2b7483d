package io.spoor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.portal.RateLimits;
import io.spoor.http.Scope;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorClient.Answer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sweep behind {@link PortalIsolationTest}: portal 1's objects, portal 2 with one contact
 * of its own, every attempt of {@link PortalIsolationAttempts} made with portal 2's token, and
 * what the answers revealed.
 */
final class PortalIsolation implements AutoCloseable {
  static final String EMAIL = "isolation-p1@example.com";
  static final String OTHER_EMAIL = "isolation-p1-second@example.com";
  static final String FIRSTNAME = "P1Firstname";
  static final String DOMAIN = "p1-isolated.example";
  static final String COMPANY_NAME = "P1 Company";
  static final String PROPERTY = "p1_private_prop";
  static final String APP_EVENT = "P1 App Event";
  static final String BEHAVIOUR = "p1_behaviour";
  static final String DYNAMIC_EVENT = "p1_dynamic_event";
  static final String UTK = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
  static final String PAGE = "p1-secret-page";
  static final String REJECTED = "p1-rejected-marker";
  static final String TOKEN_NAME = "p1-token-name";

  /** What an attempt must get: a refusal, or anything that touches only portal 2. */
  enum Expect {
    REFUSED, HARMLESS
  }

  record Attempt(String operation, String method, String target, String body, Expect expect) {
    String request() {
      return method + " " + target + (body == null ? "" : " " + body);
    }
  }

  final RunningSpoor server;
  final SpoorClient one;
  final SpoorClient two;
  String contact;
  String secondContact;
  String company;
  String appEvent;
  String portalOneToken;
  final String twoContact;
  int timelineBefore;
  final JsonObject portalOneBefore;
  final Map<String, String> counts = new LinkedHashMap<>();
  private final Map<String, String> markers = new LinkedHashMap<>();
  private final Set<String> ids = new LinkedHashSet<>();
  final List<String> problems = new ArrayList<>();
  final Set<String> attempted = new LinkedHashSet<>();
  final List<String> fallbacks = new ArrayList<>();

  /** Sets up both portals and makes every attempt. */
  PortalIsolation() {
    server = RunningSpoor.start();
    one = server.client();
    portalOneObjects();
    server.spoor().portals().create(2, "Portal Two");
    server.spoor().portals().setLimits(2, new RateLimits(0, 0));
    two = one.withToken(server.spoor().portals().issueToken(2, "p2", Scope.all()).value());
    twoContact = created(two.send("POST", "/crm/v3/objects/contacts", new JsonObject().put("properties",
        new JsonObject().put("email", "p2-own@example.com"))));
    for (String m : List.of(EMAIL, OTHER_EMAIL, FIRSTNAME, DOMAIN, COMPANY_NAME, PROPERTY, APP_EVENT, BEHAVIOUR,
        DYNAMIC_EVENT, UTK, PAGE, REJECTED, TOKEN_NAME, "Default portal")) {
      markers.put(m.toLowerCase(Locale.ROOT), m);
    }
    ids.addAll(List.of(contact, secondContact, company));
    portalOneBefore = one.get("/api/v1/portal").json();
    List<Attempt> attempts = new PortalIsolationAttempts(this).attempts(operations());
    // reads, refusals and no-ops first, while portal 2 holds one contact and nothing else
    attempts.stream().filter(a -> !a.method().equals("POST") || isRead(a)).forEach(this::run);
    portalTwoLists();
    // then writes that make objects in portal 2 under portal 1's emails and names
    attempts.stream().filter(a -> a.method().equals("POST") && !isRead(a)).forEach(this::run);
    server.awaitApplied();
  }

  /** What portal 2's lists hold before it writes anything: its own contact, its own token, nothing else. */
  private void portalTwoLists() {
    counts.put("contacts", ids(two.get("/crm/v3/objects/contacts?limit=100").json()).toString());
    counts.put("search total", two.send("POST", "/crm/v3/objects/contacts/search", new JsonObject()).json()
        .getValue("total").toString());
    counts.put("companies", ids(two.get("/crm/v3/objects/companies?limit=100").json()).toString());
    counts.put("custom properties", Long.toString(two.get("/crm/v3/properties/contacts").json()
        .getJsonArray("results").stream().filter(p -> !((JsonObject) p).getBoolean("hubspotDefined")).count()));
    counts.put("behavioural events", two.get("/events/v3/event-definitions").json().getValue("total").toString());
    counts.put("events", Integer.toString(two.get("/api/v1/event-definitions").json().getJsonArray("results").size()));
    counts.put("rejections", Integer.toString(two.get("/api/v1/rejections").json().getJsonArray("results").size()));
    counts.put("tokens", Integer.toString(two.get("/api/v1/tokens").json().getJsonArray("results").size()));
    counts.put("portal", two.get("/api/v1/portal").json().getValue("hubId").toString());
  }

  @Override
  public void close() {
    server.close();
  }

  private void portalOneObjects() {
    contact = created(one.send("POST", "/crm/v3/objects/contacts", new JsonObject().put("properties",
        new JsonObject().put("email", EMAIL).put("firstname", FIRSTNAME))));
    secondContact = created(one.send("POST", "/crm/v3/objects/contacts", new JsonObject().put("properties",
        new JsonObject().put("email", OTHER_EMAIL))));
    company = created(one.send("POST", "/crm/v3/objects/companies", new JsonObject().put("properties",
        new JsonObject().put("domain", DOMAIN).put("name", COMPANY_NAME))));
    ok(one.send("PUT", "/crm/v4/objects/contacts/" + contact + "/associations/default/companies/" + company,
        new JsonObject()));
    ok(one.send("POST", "/crm/v3/properties/contacts", new JsonObject().put("name", PROPERTY).put("label", "P1")
        .put("type", "string").put("fieldType", "text").put("groupName", "contactinformation")));
    ok(one.send("POST", "/events/v3/event-definitions", new JsonObject().put("name", BEHAVIOUR).put("label", "P1")));
    appEvent = created(one.send("POST", "/api/v1/event-definitions", new JsonObject().put("name", APP_EVENT)));
    portalOneToken = one.send("POST", "/api/v1/tokens", new JsonObject().put("name", TOKEN_NAME)).json()
        .getString("token");
    one.event("_a=1&_n=" + DYNAMIC_EVENT + "&email=" + EMAIL);
    one.event("_a=1&_n=x&email=" + REJECTED);
    one.raw("/__ptq.gif?k=1&a=1&vi=" + UTK + "&pu=https%3A%2F%2Fp1.example%2F" + PAGE + "&i=email%3D"
        + EMAIL.replace("@", "%2540"), Map.of());
    timelineBefore = one.get("/api/v1/contacts/" + contact + "/timeline").json().getJsonArray("results").size();
    assertTrue(timelineBefore >= 2, "the contact has no timeline to hide");
    assertEquals(200, one.get("/api/v1/visitors/" + UTK).status());
  }

  private static boolean isRead(Attempt a) {
    return a.target().contains("/batch/read") || a.target().contains("/search");
  }

  private void run(Attempt a) {
    attempted.add(a.operation());
    Answer answer = a.body() == null
        ? (a.method().equals("GET") ? two.get(a.target()) : a.method().equals("DELETE") ? two.delete(a.target())
            : two.send(a.method(), a.target(), new JsonObject()))
        : two.sendRaw(a.method(), a.target(), "application/json", a.body());
    int status = answer.status();
    boolean refused = status == 401 || status == 403 || status == 404 || status == 400;
    if (a.expect() == Expect.REFUSED && !refused) {
      problems.add("not refused (" + status + "): " + a.request() + " -> " + shorten(answer.body()));
    }
    if (status >= 500 || status == 409) {
      problems.add(status + " for " + a.request() + " -> " + shorten(answer.body()));
    }
    String asked = a.request().toLowerCase(Locale.ROOT);
    String said = answer.body().toLowerCase(Locale.ROOT);
    markers.forEach((lower, marker) -> {
      if (said.contains(lower) && !asked.contains(lower)) {
        problems.add("shows portal 1's " + marker + ": " + a.request() + " -> " + shorten(answer.body()));
      }
    });
    if (answer.body().startsWith("{") || answer.body().startsWith("[")) {
      Object json = answer.body().startsWith("{") ? new JsonObject(answer.body()) : new JsonArray(answer.body());
      idsIn(json, "", a, answer.body());
    }
  }

  /**
   * An id of portal 1's objects where an answer names an object is a leak, whether the request
   * named it or not: a CRM object's {@code id}, an association's ends, and fields holding object ids.
   */
  private void idsIn(Object json, String key, Attempt a, String body) {
    if (json instanceof JsonObject o) {
      boolean object = o.containsKey("properties") || key.equals("from") || key.equals("to");
      o.forEach(e -> {
        if (object && e.getKey().equals("id")) {
          leakedId(e.getValue(), "id", a, body);
        }
        idsIn(e.getValue(), e.getKey(), a, body);
      });
    } else if (json instanceof JsonArray list) {
      list.forEach(v -> idsIn(v, key, a, body));
    } else if (Set.of("vid", "toObjectId", "hs_object_id", "contactId", "objectId").contains(key)) {
      leakedId(json, key, a, body);
    }
  }

  private void leakedId(Object value, String key, Attempt a, String body) {
    if (value != null && ids.contains(value.toString())) {
      problems.add("shows portal 1's id " + value + " as " + key + ": " + a.request() + " -> " + shorten(body));
    }
  }

  List<String> operations() {
    JsonObject paths = one.get("/api/openapi.json").json().getJsonObject("paths");
    List<String> operations = new ArrayList<>();
    for (String path : paths.fieldNames()) {
      JsonObject methods = paths.getJsonObject(path);
      for (String method : methods.fieldNames()) {
        if (methods.getJsonObject(method).containsKey("security")) {
          operations.add(method.toUpperCase(Locale.ROOT) + " " + path);
        }
      }
    }
    return operations;
  }

  private static List<String> ids(JsonObject list) {
    return list.getJsonArray("results").stream().map(o -> ((JsonObject) o).getString("id")).collect(Collectors.toList());
  }

  private static String created(Answer answer) {
    assertEquals(201, answer.status(), answer.body());
    return answer.json().getString("id");
  }

  private static void ok(Answer answer) {
    assertTrue(answer.status() / 100 == 2, answer.status() + " " + answer.body());
  }

  private static String shorten(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
