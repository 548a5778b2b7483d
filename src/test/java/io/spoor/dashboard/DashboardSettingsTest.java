package io.spoor.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.Polling;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The settings pages' routes under /dashboard/api/settings, and the dashboard's exports and
 * imports: the admin API's handlers behind the session cookie; viewers read, admins change.
 */
class DashboardSettingsTest {
  private static final String PASSWORD = "correct horse battery";
  private static final String SETTINGS = "/dashboard/api/settings";
  private static RunningSpoor spoor;
  private static DashboardSession admin;
  private static DashboardSession viewer;

  @BeforeAll
  static void start() {
    spoor = RunningSpoor.start();
    String base = "http://127.0.0.1:" + spoor.spoor().port();
    spoor.spoor().accounts().create(RunningSpoor.HUB_ID, "admin@example.com", Role.ADMIN, PASSWORD);
    spoor.spoor().accounts().create(RunningSpoor.HUB_ID, "viewer@example.com", Role.VIEWER, PASSWORD);
    admin = new DashboardSession(base);
    assertEquals(200, admin.signIn("admin@example.com", PASSWORD).statusCode());
    viewer = new DashboardSession(base);
    assertEquals(200, viewer.signIn("viewer@example.com", PASSWORD).statusCode());
  }

  @AfterAll
  static void stop() {
    spoor.close();
  }

  @Test
  void anAdminCreatesATokenSeenOnceThatWorksOnTheApiUntilRevoked() {
    HttpResponse<String> created = admin.post(SETTINGS + "/tokens", new JsonObject().put("name", "from the dashboard")
        .put("scopes", new JsonArray().add("crm.objects.contacts.read")));
    assertEquals(201, created.statusCode(), created.body());
    String value = new JsonObject(created.body()).getString("token");
    String id = new JsonObject(created.body()).getString("id");
    SpoorClient api = spoor.client().withToken(value);
    assertEquals(200, api.get("/crm/v3/objects/contacts").status());

    JsonArray listed = new JsonObject(viewer.get(SETTINGS + "/tokens").body()).getJsonArray("results");
    JsonObject row = listed.stream().map(JsonObject.class::cast).filter(t -> t.getString("id").equals(id))
        .findFirst().orElseThrow();
    assertNull(row.getString("token"));
    assertFalse(listed.encode().contains(value));
    assertEquals(value.substring(value.length() - 4), row.getString("hint").substring(row.getString("hint").length()
        - 4));

    assertEquals(204, admin.send("DELETE", SETTINGS + "/tokens/" + id, null, null).statusCode());
    assertEquals(401, api.get("/crm/v3/objects/contacts").status());
  }

  @Test
  void aViewerReadsEverySettingsPageButChangesNone() {
    for (String path : new String[] {"/portal", "/tokens", "/write-keys", "/forwarding", "/forwarding/dead-letters",
        "/rejections"}) {
      HttpResponse<String> answer = viewer.get(SETTINGS + path);
      assertTrue(answer.statusCode() == 200 || path.equals("/forwarding") && answer.statusCode() == 404,
          path + ": " + answer.statusCode() + " " + answer.body());
    }
    assertEquals(403, viewer.post(SETTINGS + "/tokens", new JsonObject().put("name", "x")).statusCode());
    assertEquals(403, viewer.post(SETTINGS + "/write-keys", new JsonObject().put("name", "x")).statusCode());
    assertEquals(403, viewer.send("PATCH", SETTINGS + "/portal", "application/json", "{\"filterBots\":false}")
        .statusCode());
    assertEquals(403, viewer.send("POST", "/dashboard/api/imports", "text/csv", "email\nv@example.com\n")
        .statusCode());
  }

  @Test
  void aChangeWithoutTheCsrfTokenOrWithoutASessionIsRefused() {
    assertEquals(403, admin.postWith(SETTINGS + "/tokens", new JsonObject().put("name", "x"), null).statusCode());
    assertEquals(401, new DashboardSession("http://127.0.0.1:" + spoor.spoor().port()).get(SETTINGS + "/tokens")
        .statusCode());
    assertEquals(401, spoor.client().get(SETTINGS + "/tokens").status(), "a bearer token is not a session");
  }

  @Test
  void privacyAndRateLimitsChangedInTheDashboardAreThePortalsSettingsInTheApi() {
    HttpResponse<String> patched = admin.send("PATCH", SETTINGS + "/portal", "application/json", new JsonObject()
        .put("requireConsent", true).put("bannerText", "We use cookies <b>only</b> to count visits.")
        .put("filterBots", true).put("rateLimitSecondly", 25).encode());
    assertEquals(200, patched.statusCode(), patched.body());
    JsonObject api = spoor.client().get("/api/v1/portal").json();
    assertTrue(api.getBoolean("requireConsent"));
    assertEquals("We use cookies <b>only</b> to count visits.", api.getString("bannerText"));
    assertEquals(25, api.getInteger("rateLimitSecondly"));
    HttpResponse<String> bad = admin.send("PATCH", SETTINGS + "/portal", "application/json", "{\"filterBots\":\"no\"}");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("filterBots"), bad.body());
    spoor.client().send("PATCH", "/api/v1/portal", new JsonObject().put("requireConsent", false)
        .put("rateLimitSecondly", 0).put("rateLimitDaily", 0));
  }

  @Test
  void anAdminSetsAndStopsForwardingAndAViewerSeesTheTokenMasked() {
    HttpResponse<String> set = admin.send("PUT", SETTINGS + "/forwarding", "application/json", new JsonObject()
        .put("baseUrl", "http://127.0.0.1:9").put("accessToken", "remote-secret-token-1234").put("hubId", 77).encode());
    assertEquals(200, set.statusCode(), set.body());
    JsonObject seen = new JsonObject(viewer.get(SETTINGS + "/forwarding").body());
    assertEquals("****1234", seen.getString("accessToken"));
    assertEquals(77, seen.getLong("hubId"));
    assertTrue(seen.getJsonObject("status").containsKey("queued"), seen.encode());
    assertEquals(403, viewer.send("DELETE", SETTINGS + "/forwarding", null, null).statusCode());
    assertEquals(400, admin.send("PUT", SETTINGS + "/forwarding", "application/json", "{\"baseUrl\":\"ftp://x\"}")
        .statusCode());
    assertEquals(204, admin.send("DELETE", SETTINGS + "/forwarding", null, null).statusCode());
    assertEquals(404, viewer.get(SETTINGS + "/forwarding").statusCode());
  }

  @Test
  void writeKeysAreCreatedOnceAndRevoked() {
    HttpResponse<String> created = admin.post(SETTINGS + "/write-keys", new JsonObject().put("name", "site"));
    assertEquals(201, created.statusCode(), created.body());
    String key = new JsonObject(created.body()).getString("key");
    String id = new JsonObject(created.body()).getString("id");
    assertFalse(viewer.get(SETTINGS + "/write-keys").body().contains(key));
    assertEquals(204, admin.send("DELETE", SETTINGS + "/write-keys/" + id, null, null).statusCode());
    assertTrue(viewer.get(SETTINGS + "/write-keys").body().contains("\"revokedAt\":\"20"));
  }

  @Test
  void theRejectionListFiltersByReasonAndShowsEachHitsRawParameters() {
    SpoorClient api = spoor.client();
    api.event("_a=1&_n=bad_email&email=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    api.event("_a=1&_n=bad_revenue&email=rev@example.com&_m=lots");
    JsonArray invalid = new JsonObject(viewer.get(SETTINGS + "/rejections?reason=INVALID_EMAIL").body())
        .getJsonArray("results");
    assertFalse(invalid.isEmpty());
    invalid.forEach(r -> assertEquals("INVALID_EMAIL", ((JsonObject) r).getString("reason")));
    assertTrue(invalid.encode().contains("\\u003Cscript\\u003E") || invalid.encode().contains("<script>")
        || invalid.encode().contains("%3Cscript%3E"), invalid.encode());
    JsonArray revenue = api.get("/api/v1/rejections?reason=INVALID_REVENUE").json().getJsonArray("results");
    assertEquals(1, revenue.size(), revenue.encode());
    assertEquals(400, viewer.get(SETTINGS + "/rejections?reason=NOT_A_REASON").statusCode());
  }

  @Test
  void theDashboardExportsAndImportsWithTheSession() {
    HttpResponse<String> started = admin.send("POST", "/dashboard/api/imports?fileName=people.csv", "text/csv",
        "email,firstname\ndash@example.com,Dash\nbad,Nope\n");
    assertEquals(202, started.statusCode(), started.body());
    String id = new JsonObject(started.body()).getString("id");
    JsonObject done = Polling.until("import done", Duration.ofSeconds(30),
        () -> new JsonObject(viewer.get("/dashboard/api/imports/" + id).body()),
        s -> s.getString("status").equals("done"));
    assertEquals(1, done.getLong("created"));
    assertEquals(1, done.getLong("failedRows"));
    assertEquals("people.csv", done.getString("fileName"));

    HttpResponse<String> csv = viewer.get("/dashboard/api/exports/contacts.csv?properties=email,firstname");
    assertEquals(200, csv.statusCode());
    assertTrue(csv.body().contains("dash@example.com,Dash\r\n"), csv.body());
  }
}
