package io.spoor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.portal.RateLimits;
import io.spoor.portal.Scope;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Portal 2's token against portal 1's objects, on every authenticated operation of the OpenAPI
 * document: each attempt is refused or touches only portal 2, no answer shows anything of
 * portal 1 the request did not itself name (an email, a name, an id, a count), and afterwards
 * portal 1's objects are as they were.
 */
class PortalIsolationTest {
  private static final String EMAIL = "isolation-p1@example.com";
  private static final String OTHER_EMAIL = "isolation-p1-second@example.com";
  private static final String FIRSTNAME = "P1Firstname";
  private static final String DOMAIN = "p1-isolated.example";
  private static final String COMPANY_NAME = "P1 Company";
  private static final String PROPERTY = "p1_private_prop";
  private static final String APP_EVENT = "P1 App Event";
  private static final String BEHAVIOUR = "p1_behaviour";
  private static final String DYNAMIC_EVENT = "p1_dynamic_event";
  private static final String UTK = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
  private static final String PAGE = "p1-secret-page";
  private static final String REJECTED = "p1-rejected-marker";
  private static final String TOKEN_NAME = "p1-token-name";

  /** What an attempt must get: a refusal, or anything that touches only portal 2. */
  enum Expect {
    REFUSED, HARMLESS
  }

  record Attempt(String operation, String method, String target, String body, Expect expect) {
    String request() {
      return method + " " + target + (body == null ? "" : " " + body);
    }
  }

  private static RunningSpoor server;
  private static SpoorClient one;
  private static SpoorClient two;
  private static String contact;
  private static String secondContact;
  private static String company;
  private static String appEvent;
  private static String portalOneToken;
  private static String twoContact;
  private static int timelineBefore;
  private static JsonObject portalOneBefore;
  private static final Map<String, String> counts = new LinkedHashMap<>();
  private static final Map<String, String> markers = new LinkedHashMap<>();
  private static final Set<String> ids = new LinkedHashSet<>();
  private static final List<String> problems = new ArrayList<>();
  private static final Set<String> attempted = new LinkedHashSet<>();
  private static final List<String> fallbacks = new ArrayList<>();

  @BeforeAll
  static void start() {
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
    List<Attempt> attempts = attempts(operations());
    // reads, refusals and no-ops first, while portal 2 holds one contact and nothing else
    attempts.stream().filter(a -> !a.method().equals("POST") || isRead(a)).forEach(PortalIsolationTest::run);
    portalTwoLists();
    // then writes that make objects in portal 2 under portal 1's emails and names
    attempts.stream().filter(a -> a.method().equals("POST") && !isRead(a)).forEach(PortalIsolationTest::run);
    server.awaitApplied();
  }

  /** What portal 2's lists hold before it writes anything: its own contact, its own token, nothing else. */
  private static void portalTwoLists() {
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

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyAuthenticatedOperationWasTriedWithPortalTwosToken() {
    List<String> missing = operations().stream().filter(op -> !attempted.contains(op)).collect(Collectors.toList());
    assertTrue(missing.isEmpty(), "not tried: " + missing);
    assertTrue(attempted.size() >= 30, "tried: " + attempted);
  }

  @Test
  void everyAttemptIsRefusedOrTouchesOnlyPortalTwoAndRevealsNothingOfPortalOne() {
    assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems)
        + (fallbacks.isEmpty() ? "" : "\n(tried generically: " + fallbacks + ")"));
  }

  @Test
  void portalTwosListsAndCountsHoldOnlyPortalTwosObjects() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("contacts", List.of(twoContact).toString());
    expected.put("search total", "1");
    expected.put("companies", "[]");
    expected.put("custom properties", "0");
    expected.put("behavioural events", "0");
    expected.put("events", "0");
    expected.put("rejections", "0");
    expected.put("tokens", "1");
    expected.put("portal", "2");
    assertEquals(expected, counts);
  }

  @Test
  void portalOnesObjectsAreAsTheyWere() {
    JsonObject p = one.get("/crm/v3/objects/contacts/" + contact + "?properties=email,firstname&associations=companies")
        .json();
    assertEquals(EMAIL, p.getJsonObject("properties").getString("email"));
    assertEquals(FIRSTNAME, p.getJsonObject("properties").getString("firstname"), p.encode());
    assertTrue(p.encode().contains("\"id\":\"" + company + "\""), "association lost: " + p.encode());
    assertEquals(200, one.get("/crm/v3/objects/contacts/" + secondContact).status());
    JsonObject c = one.get("/crm/v3/objects/companies/" + company + "?properties=domain,name").json();
    assertEquals(COMPANY_NAME, c.getJsonObject("properties").getString("name"), c.encode());
    assertEquals(200, one.get("/crm/v3/properties/contacts/" + PROPERTY).status());
    assertEquals(200, one.get("/events/v3/event-definitions/" + BEHAVIOUR).status());
    assertTrue(one.get("/api/v1/event-definitions").body().contains(APP_EVENT));
    assertEquals(200, one.get("/api/v1/visitors/" + UTK).status());
    assertEquals(timelineBefore, one.get("/api/v1/contacts/" + contact + "/timeline").json()
        .getJsonArray("results").size());
    assertEquals(200, one.withToken(portalOneToken).get("/api/v1/portal").status());
    assertEquals(portalOneBefore, one.get("/api/v1/portal").json());
  }

  private static void portalOneObjects() {
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

  /**
   * The attempts, operation by operation, with portal 1's ids, emails and names where the
   * operation takes them. An operation added since gets a generic attempt.
   */
  private static List<Attempt> attempts(List<String> operations) {
    List<Attempt> all = new ArrayList<>();
    String assoc = "{\"to\":{\"id\":\"" + company + "\"},\"types\":[{\"associationCategory\":\"HUBSPOT_DEFINED\","
        + "\"associationTypeId\":279}]}";
    String hijack = "{\"properties\":{\"firstname\":\"Hijacked\",\"name\":\"Hijacked\"}}";
    for (String op : operations) {
      String method = op.substring(0, op.indexOf(' '));
      String path = op.substring(op.indexOf(' ') + 1);
      List<Attempt> some = new ArrayList<>();
      java.util.function.BiConsumer<String, Expect> add = (target, expect) -> some.add(
          new Attempt(op, method, target, null, expect));
      java.util.function.BiConsumer<String, String> post = (target, body) -> some.add(
          new Attempt(op, method, target, body, Expect.HARMLESS));
      switch (op) {
        case "GET /crm/v3/objects/contacts/{id}":
          add.accept("/crm/v3/objects/contacts/" + contact, Expect.REFUSED);
          add.accept("/crm/v3/objects/contacts/" + EMAIL + "?idProperty=email", Expect.REFUSED);
          add.accept("/crm/v3/objects/contacts/" + contact + "?associations=companies&propertiesWithHistory=email",
              Expect.REFUSED);
          add.accept("/crm/v3/objects/contacts/" + twoContact + "?associations=companies", Expect.HARMLESS);
          break;
        case "PATCH /crm/v3/objects/contacts/{id}":
        case "PATCH /crm/v3/objects/companies/{id}":
          boolean contacts = op.contains("contacts");
          some.add(new Attempt(op, method, path.replace("{id}", contacts ? contact : company), hijack, Expect.REFUSED));
          some.add(new Attempt(op, method, path.replace("{id}", contacts ? EMAIL + "?idProperty=email"
              : DOMAIN + "?idProperty=domain"), hijack, Expect.REFUSED));
          break;
        case "GET /crm/v3/objects/companies/{id}":
          add.accept("/crm/v3/objects/companies/" + company, Expect.REFUSED);
          add.accept("/crm/v3/objects/companies/" + DOMAIN + "?idProperty=domain", Expect.REFUSED);
          break;
        case "DELETE /crm/v3/objects/contacts/{id}":
          add.accept("/crm/v3/objects/contacts/" + contact, Expect.HARMLESS);
          break;
        case "DELETE /crm/v3/objects/companies/{id}":
          add.accept("/crm/v3/objects/companies/" + company, Expect.HARMLESS);
          break;
        case "GET /crm/v3/objects/contacts":
        case "GET /crm/v3/objects/companies":
          add.accept(path + "?limit=100&associations=companies,contacts&properties=email,name,firstname",
              Expect.HARMLESS);
          add.accept(path + "?after=" + (Long.parseLong(contact) - 1), Expect.HARMLESS);
          break;
        case "POST /crm/v3/objects/contacts":
          some.add(new Attempt(op, method, path, "{\"properties\":{\"email\":\"p2-linked@example.com\"},"
              + "\"associations\":[" + assoc + "]}", Expect.REFUSED));
          break;
        case "POST /crm/v3/objects/companies":
          // the same domain in portal 2 is a new company there, not a 409 naming portal 1's
          post.accept(path, "{\"properties\":{\"domain\":\"" + DOMAIN + "\"}}");
          break;
        case "POST /crm/v3/objects/contacts/batch/create":
          some.add(new Attempt(op, method, path, "{\"inputs\":[{\"properties\":{\"email\":\"p2-batch@example.com\"},"
              + "\"associations\":[" + assoc + "]}]}", Expect.REFUSED));
          break;
        case "POST /crm/v3/objects/contacts/batch/read":
          post.accept(path, "{\"inputs\":[{\"id\":\"" + contact + "\"}],\"properties\":[\"email\",\"firstname\"]}");
          post.accept(path, "{\"idProperty\":\"email\",\"inputs\":[{\"id\":\"" + EMAIL + "\"}]}");
          break;
        case "POST /crm/v3/objects/companies/batch/read":
          post.accept(path, "{\"inputs\":[{\"id\":\"" + company + "\"}],\"properties\":[\"domain\",\"name\"]}");
          post.accept(path, "{\"idProperty\":\"domain\",\"inputs\":[{\"id\":\"" + DOMAIN + "\"}]}");
          break;
        case "POST /crm/v3/objects/contacts/batch/update":
          post.accept(path, "{\"inputs\":[{\"id\":\"" + contact + "\"," + hijack.substring(1) + "]}");
          break;
        case "POST /crm/v3/objects/companies/batch/update":
          post.accept(path, "{\"inputs\":[{\"id\":\"" + company + "\"," + hijack.substring(1) + "]}");
          break;
        case "POST /crm/v3/objects/contacts/batch/upsert":
          post.accept(path, "{\"inputs\":[{\"id\":\"" + EMAIL + "\",\"idProperty\":\"email\","
              + hijack.substring(1) + "]}");
          break;
        case "POST /crm/v3/objects/companies/batch/upsert":
          post.accept(path, "{\"inputs\":[{\"id\":\"" + DOMAIN + "\",\"idProperty\":\"domain\","
              + hijack.substring(1) + "]}");
          break;
        case "POST /crm/v3/objects/contacts/batch/archive":
          post.accept(path, "{\"inputs\":[{\"id\":\"" + contact + "\"}]}");
          break;
        case "POST /crm/v3/objects/companies/batch/archive":
          post.accept(path, "{\"inputs\":[{\"id\":\"" + company + "\"}]}");
          break;
        case "POST /crm/v3/objects/contacts/search":
          post.accept(path, "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"email\",\"operator\":\"EQ\","
              + "\"value\":\"" + EMAIL + "\"}]}]}");
          post.accept(path, "{\"query\":\"" + FIRSTNAME + "\"}");
          post.accept(path, "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"hs_object_id\",\"operator\":\"EQ\","
              + "\"value\":\"" + contact + "\"}]}]}");
          post.accept(path, "{\"properties\":[\"" + PROPERTY + "\"],\"limit\":100}");
          break;
        case "POST /crm/v3/objects/contacts/merge":
          some.add(new Attempt(op, method, path, "{\"primaryObjectId\":\"" + twoContact + "\",\"objectIdToMerge\":\""
              + contact + "\"}", Expect.REFUSED));
          some.add(new Attempt(op, method, path, "{\"primaryObjectId\":\"" + contact + "\",\"objectIdToMerge\":\""
              + secondContact + "\"}", Expect.REFUSED));
          break;
        case "POST /crm/v3/objects/contacts/gdpr-delete":
          post.accept(path, "{\"objectId\":\"" + contact + "\"}");
          post.accept(path, "{\"objectId\":\"" + EMAIL + "\",\"idProperty\":\"email\"}");
          break;
        case "GET /crm/v3/properties/{objectType}":
          add.accept("/crm/v3/properties/contacts", Expect.HARMLESS);
          add.accept("/crm/v3/properties/companies", Expect.HARMLESS);
          break;
        case "POST /crm/v3/properties/{objectType}":
          // the same name in portal 2 is a new property there, not a 409 naming portal 1's
          post.accept("/crm/v3/properties/contacts", "{\"name\":\"" + PROPERTY + "\",\"label\":\"P2\",\"type\":\"string\","
              + "\"fieldType\":\"text\",\"groupName\":\"contactinformation\"}");
          break;
        case "GET /crm/v3/properties/{objectType}/{name}":
          add.accept("/crm/v3/properties/contacts/" + PROPERTY, Expect.REFUSED);
          break;
        case "PATCH /crm/v3/properties/{objectType}/{name}":
          some.add(new Attempt(op, method, "/crm/v3/properties/contacts/" + PROPERTY, "{\"label\":\"Hijacked\"}",
              Expect.REFUSED));
          break;
        case "DELETE /crm/v3/properties/{objectType}/{name}":
          add.accept("/crm/v3/properties/contacts/" + PROPERTY, Expect.REFUSED);
          break;
        case "PUT /crm/v3/objects/contacts/{id}/associations/{toType}/{toId}/{associationType}":
          add.accept("/crm/v3/objects/contacts/" + contact + "/associations/companies/" + company + "/contact_to_company",
              Expect.REFUSED);
          add.accept("/crm/v3/objects/contacts/" + twoContact + "/associations/companies/" + company + "/279",
              Expect.REFUSED);
          break;
        case "PUT /crm/v3/objects/companies/{id}/associations/{toType}/{toId}/{associationType}":
          add.accept("/crm/v3/objects/companies/" + company + "/associations/contacts/" + contact + "/company_to_contact",
              Expect.REFUSED);
          add.accept("/crm/v3/objects/companies/" + company + "/associations/contacts/" + twoContact + "/280",
              Expect.REFUSED);
          break;
        case "PUT /crm/v4/objects/{fromType}/{fromId}/associations/default/{toType}/{toId}":
          add.accept("/crm/v4/objects/contacts/" + contact + "/associations/default/companies/" + company, Expect.REFUSED);
          add.accept("/crm/v4/objects/contacts/" + twoContact + "/associations/default/companies/" + company,
              Expect.REFUSED);
          add.accept("/crm/v4/objects/companies/" + company + "/associations/default/contacts/" + twoContact,
              Expect.REFUSED);
          break;
        case "GET /crm/v4/objects/{fromType}/{fromId}/associations/{toType}":
          add.accept("/crm/v4/objects/contacts/" + contact + "/associations/companies", Expect.REFUSED);
          add.accept("/crm/v4/objects/companies/" + company + "/associations/contacts", Expect.REFUSED);
          break;
        case "DELETE /crm/v4/objects/{fromType}/{fromId}/associations/{toType}/{toId}":
          add.accept("/crm/v4/objects/contacts/" + contact + "/associations/companies/" + company, Expect.HARMLESS);
          break;
        case "GET /api/v1/contacts/{id}/timeline":
          add.accept("/api/v1/contacts/" + contact + "/timeline", Expect.REFUSED);
          add.accept("/api/v1/contacts/" + EMAIL + "/timeline?idProperty=email", Expect.REFUSED);
          break;
        case "GET /api/v1/visitors/{utk}":
          add.accept("/api/v1/visitors/" + UTK, Expect.REFUSED);
          add.accept("/api/v1/visitors/" + UTK.toUpperCase(Locale.ROOT), Expect.REFUSED);
          break;
        case "GET /events/v3/event-definitions/{name}":
        case "DELETE /events/v3/event-definitions/{name}":
          add.accept("/events/v3/event-definitions/" + BEHAVIOUR, Expect.REFUSED);
          add.accept("/events/v3/event-definitions/pe1_" + BEHAVIOUR, Expect.REFUSED);
          break;
        case "POST /events/v3/event-definitions":
          post.accept(path, "{\"name\":\"" + BEHAVIOUR + "\",\"label\":\"P2\"}");
          break;
        case "POST /events/v3/send":
          some.add(new Attempt(op, method, path, "{\"eventName\":\"pe1_" + BEHAVIOUR + "\",\"objectId\":\"" + contact
              + "\"}", Expect.REFUSED));
          // once portal 2 defines an event of that name, this is portal 2's own event for portal 2's visitor
          post.accept(path, "{\"eventName\":\"" + BEHAVIOUR + "\",\"utk\":\"" + UTK + "\"}");
          post.accept(path, "{\"eventName\":\"" + BEHAVIOUR + "\",\"objectId\":\"" + contact + "\"}");
          break;
        case "POST /events/v3/send/batch":
          some.add(new Attempt(op, method, path, "{\"inputs\":[{\"eventName\":\"pe1_" + BEHAVIOUR + "\",\"objectId\":\""
              + contact + "\"}]}", Expect.REFUSED));
          break;
        case "POST /api/v1/event-definitions":
          post.accept(path, "{\"name\":\"" + APP_EVENT + "\"}");
          break;
        case "DELETE /api/v1/event-definitions/{id}":
          add.accept("/api/v1/event-definitions/" + appEvent, Expect.REFUSED);
          add.accept("/api/v1/event-definitions/" + Long.parseLong(appEvent), Expect.REFUSED);
          break;
        case "PATCH /api/v1/portal":
          post.accept(path, "{\"bannerText\":\"Portal two's banner\"}");
          break;
        case "GET /api/v1/rejections":
          add.accept(path + "?limit=1000", Expect.HARMLESS);
          break;
        case "POST /api/v1/tokens":
          post.accept(path, "{\"name\":\"p2-second\"}");
          break;
        case "DELETE /api/v1/tokens/{id}":
          for (Object t : one.get("/api/v1/tokens").json().getJsonArray("results")) {
            add.accept("/api/v1/tokens/" + ((JsonObject) t).getString("id"), Expect.REFUSED);
          }
          break;
        case "POST /contacts/v1/contact/createOrUpdate/email/{email}":
          post.accept("/contacts/v1/contact/createOrUpdate/email/" + EMAIL,
              "{\"properties\":[{\"property\":\"firstname\",\"value\":\"Hijacked\"}]}");
          break;
        case "POST /contacts/v1/contact/batch":
        case "POST /contacts/v1/contact/batch/":
          post.accept(path, "[{\"email\":\"" + OTHER_EMAIL + "\",\"properties\":[{\"property\":\"firstname\","
              + "\"value\":\"Hijacked\"}]}]");
          break;
        default:
          fallbacks.add(op);
          String target = path.replace("{id}", contact).replace("{fromId}", contact).replace("{toId}", company)
              .replace("{objectType}", "contacts").replace("{fromType}", "contacts").replace("{toType}", "companies")
              .replace("{name}", PROPERTY).replace("{utk}", UTK).replace("{email}", EMAIL)
              .replace("{associationType}", "279");
          if (method.equals("GET") || method.equals("DELETE") || method.equals("PUT")) {
            add.accept(target, target.equals(path) || method.equals("DELETE") ? Expect.HARMLESS : Expect.REFUSED);
          } else {
            post.accept(target, "{\"properties\":{\"firstname\":\"Hijacked\"},\"id\":\"" + contact + "\"}");
          }
      }
      if (some.isEmpty()) {
        add.accept(path, Expect.HARMLESS);
      }
      all.addAll(some);
    }
    return all;
  }

  private static boolean isRead(Attempt a) {
    return a.target().contains("/batch/read") || a.target().contains("/search");
  }

  private static void run(Attempt a) {
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
  private static void idsIn(Object json, String key, Attempt a, String body) {
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

  private static void leakedId(Object value, String key, Attempt a, String body) {
    if (value != null && ids.contains(value.toString())) {
      problems.add("shows portal 1's id " + value + " as " + key + ": " + a.request() + " -> " + shorten(body));
    }
  }

  private static List<String> operations() {
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
