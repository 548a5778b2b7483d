package io.spoor.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.RunningSpoor;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signing in to the dashboard, its session cookie, CSRF tokens, roles and portals, over real HTTP. */
class DashboardSignInTest {
  private static final String PASSWORD = "correct horse battery";
  private RunningSpoor spoor;
  private String base;

  @BeforeEach
  void start() {
    startWith(Map.of());
  }

  private void startWith(Map<String, String> flags) {
    if (spoor != null) {
      spoor.close();
    }
    spoor = RunningSpoor.start(flags);
    base = "http://127.0.0.1:" + spoor.spoor().port();
    spoor.spoor().accounts().create(RunningSpoor.HUB_ID, "Admin@Example.com", Role.ADMIN, PASSWORD);
    spoor.spoor().accounts().create(RunningSpoor.HUB_ID, "viewer@example.com", Role.VIEWER, PASSWORD);
  }

  @AfterEach
  void stop() {
    spoor.close();
  }

  private DashboardSession signedIn(String email) {
    DashboardSession session = new DashboardSession(base);
    assertEquals(200, session.signIn(email, PASSWORD).statusCode());
    return session;
  }

  @Test
  void theRightPasswordOpensASessionInAnHttpOnlyStrictCookie() {
    DashboardSession session = new DashboardSession(base);
    HttpResponse<String> answer = session.signIn("admin@example.com", PASSWORD);
    assertEquals(200, answer.statusCode(), answer.body());
    String cookie = DashboardSession.setCookie(answer).orElseThrow();
    String flags = cookie.toLowerCase(java.util.Locale.ROOT);
    assertTrue(flags.contains("; httponly") && flags.contains("; samesite=strict") && flags.contains("; path=/"), cookie);
    assertFalse(flags.contains("; secure"), "plain http: no Secure flag, or the browser would drop it: " + cookie);
    JsonObject me = new JsonObject(session.get("/dashboard/api/me").body());
    assertEquals("admin@example.com", me.getString("email"));
    assertEquals("admin", me.getString("role"));
    assertEquals(session.csrf(), me.getString("csrfToken"));
    assertEquals(RunningSpoor.HUB_ID, me.getJsonArray("portals").getJsonObject(0).getLong("hubId"));
  }

  @Test
  void anUnknownEmailIsAnsweredAsAWrongPassword() {
    HttpResponse<String> wrong = new DashboardSession(base).signIn("admin@example.com", "not the password");
    HttpResponse<String> unknown = new DashboardSession(base).signIn("nobody@example.com", PASSWORD);
    assertEquals(401, wrong.statusCode());
    assertEquals(401, unknown.statusCode());
    assertEquals(new JsonObject(wrong.body()).getString("message"), new JsonObject(unknown.body()).getString("message"));
    assertTrue(DashboardSession.setCookie(wrong).isEmpty() && DashboardSession.setCookie(unknown).isEmpty());
    assertEquals(401, new DashboardSession(base).get("/dashboard/api/me").statusCode());
  }

  @Test
  void repeatedFailuresAreRefusedEvenWithTheRightPasswordUntilTheWindowEnds() {
    startWith(Map.of("sign-in-failures", "3"));
    for (int i = 0; i < 3; i++) {
      assertEquals(401, new DashboardSession(base).signIn("admin@example.com", "guess " + i).statusCode());
    }
    HttpResponse<String> refused = new DashboardSession(base).signIn("admin@example.com", PASSWORD);
    assertEquals(429, refused.statusCode(), refused.body());
    assertTrue(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()) > 0);
    HttpResponse<String> otherEmail = new DashboardSession(base).signIn("viewer@example.com", PASSWORD);
    assertEquals(429, otherEmail.statusCode(), "the address is throttled too, whatever the email");
  }

  @Test
  void aChangeWithoutTheSessionsCsrfTokenIsRefused() {
    DashboardSession session = signedIn("admin@example.com");
    JsonObject change = new JsonObject().put("currentPassword", PASSWORD).put("newPassword", "a new long password");
    assertEquals(403, session.postWith("/dashboard/api/password", change, null).statusCode());
    assertEquals(403, session.postWith("/dashboard/api/password", change, "forged").statusCode());
    assertEquals(204, session.post("/dashboard/api/password", change).statusCode());
    assertEquals(401, new DashboardSession(base).signIn("admin@example.com", PASSWORD).statusCode());
    assertEquals(200, new DashboardSession(base).signIn("admin@example.com", "a new long password").statusCode());
  }

  @Test
  void signingOutEndsTheSessionAndClearsTheCookie() {
    DashboardSession session = signedIn("admin@example.com");
    HttpResponse<String> out = session.post("/dashboard/api/sign-out", new JsonObject());
    assertEquals(204, out.statusCode());
    assertTrue(DashboardSession.setCookie(out).orElseThrow().contains("Max-Age=0"));
    assertEquals(401, session.get("/dashboard/api/me").statusCode(), "the old cookie no longer works");
  }

  @Test
  void aViewerMayNotAddUsersButAnAdminMay() {
    JsonObject newUser = new JsonObject().put("email", "new@example.com").put("role", "viewer")
        .put("password", "another long password");
    HttpResponse<String> byViewer = signedIn("viewer@example.com").post("/dashboard/api/users", newUser);
    assertEquals(403, byViewer.statusCode(), byViewer.body());
    HttpResponse<String> byAdmin = signedIn("admin@example.com").post("/dashboard/api/users", newUser);
    assertEquals(201, byAdmin.statusCode(), byAdmin.body());
    assertEquals(200, new DashboardSession(base).signIn("new@example.com", "another long password").statusCode());
  }

  @Test
  void aUserSeesOnlyTheirOwnPortal() {
    spoor.spoor().portals().create(2, "Other shop");
    spoor.spoor().accounts().create(2, "other@example.com", Role.ADMIN, PASSWORD);
    DashboardSession other = signedIn("other@example.com");
    JsonObject me = new JsonObject(other.get("/dashboard/api/me").body());
    assertEquals(1, me.getJsonArray("portals").size());
    assertEquals(2, me.getJsonArray("portals").getJsonObject(0).getLong("hubId"));
    assertEquals(404, other.get("/dashboard/api/portal?hubId=1").statusCode());
    assertEquals(200, other.get("/dashboard/api/portal?hubId=2").statusCode());
    assertEquals("Other shop", new JsonObject(other.get("/dashboard/api/portal").body()).getString("name"));
    assertEquals(404, signedIn("admin@example.com").get("/dashboard/api/portal?hubId=2").statusCode());
  }

  @Test
  void aNewPortalShowsItsSnippetAndNoHits() {
    JsonObject portal = new JsonObject(signedIn("viewer@example.com").get("/dashboard/api/portal").body());
    assertFalse(portal.getBoolean("hasHits"));
    assertEquals("<script type=\"text/javascript\" id=\"hs-script-loader\" async defer src=\"//127.0.0.1:"
        + spoor.spoor().port() + "/1.js\"></script>", portal.getString("snippet"));
  }

  @Test
  void changingThePasswordEndsTheUsersOtherSessionsButKeepsThisOne() {
    DashboardSession here = signedIn("admin@example.com");
    DashboardSession elsewhere = signedIn("admin@example.com");
    DashboardSession viewer = signedIn("viewer@example.com");
    JsonObject change = new JsonObject().put("currentPassword", PASSWORD).put("newPassword", "a new long password");

    assertEquals(204, here.post("/dashboard/api/password", change).statusCode());

    assertEquals(200, here.get("/dashboard/api/me").statusCode());
    assertEquals(401, elsewhere.get("/dashboard/api/me").statusCode(), "the other session has ended");
    assertEquals(200, viewer.get("/dashboard/api/me").statusCode(), "another user's session stays");
  }

  @Test
  void aOneTimePasswordAllowsNothingButChoosingANewOne() {
    spoor.spoor().accounts().create(RunningSpoor.HUB_ID, "new@example.com", Role.ADMIN, "one time password", true);
    DashboardSession session = new DashboardSession(base);
    HttpResponse<String> answer = session.signIn("new@example.com", "one time password");
    assertEquals(200, answer.statusCode(), answer.body());
    assertTrue(new JsonObject(answer.body()).getBoolean("mustChangePassword"));

    HttpResponse<String> portal = session.get("/dashboard/api/portal");
    assertEquals(403, portal.statusCode());
    assertTrue(new JsonObject(portal.body()).getString("message").contains("Choose your own password"), portal.body());
    assertEquals(403, session.get("/dashboard/api/reports/overview").statusCode());
    assertEquals(403, session.get("/dashboard/api/users").statusCode());
    assertTrue(new JsonObject(session.get("/dashboard/api/me").body()).getBoolean("mustChangePassword"));

    assertEquals(204, session.post("/dashboard/api/password", new JsonObject()
        .put("currentPassword", "one time password").put("newPassword", "my own password")).statusCode());
    assertEquals(200, session.get("/dashboard/api/portal").statusCode());
    assertFalse(new JsonObject(session.get("/dashboard/api/me").body()).getBoolean("mustChangePassword"));
  }

  @Test
  void strangersFailingFromOtherAddressesSlowTheEmailButCannotLockItsOwnerOut() {
    startWith(Map.of("sign-in-failures", "3", "sign-in-slowdown-ms", "1"));
    int port = spoor.spoor().port();
    for (String stranger : new String[] {"127.0.0.3", "127.0.0.4"}) {
      for (int i = 0; i < 3; i++) {
        assertEquals(401, DashboardSession.signInFrom(stranger, port, "admin@example.com", "guess " + i));
      }
    }
    assertEquals(429, DashboardSession.signInFrom("127.0.0.3", port, "admin@example.com", PASSWORD),
        "a stranger who failed too often is refused, even with the right password");
    assertEquals(429, DashboardSession.signInFrom("127.0.0.4", port, "viewer@example.com", PASSWORD),
        "and so is their address, whatever the email");
    assertEquals(401, DashboardSession.signInFrom("127.0.0.5", port, "admin@example.com", "guess 9"));
    assertEquals(200, DashboardSession.signInFrom("127.0.0.2", port, "admin@example.com", PASSWORD),
        "the owner, from their own address, still gets in");
    String metrics = spoor.client().get("/metrics").body();
    assertTrue(metrics.lines().anyMatch(l -> l.matches("spoor_dashboard_sign_in_slowed_total [2-9].*")),
        "the two tries at the email after its failures from other addresses waited first: " + metrics);
  }

  @Test
  void anAdminListsThePortalsUsersAndRemovesOneWhoseSessionsEnd() {
    DashboardSession viewer = signedIn("viewer@example.com");
    DashboardSession admin = signedIn("admin@example.com");
    assertEquals(403, viewer.get("/dashboard/api/users").statusCode());

    HttpResponse<String> list = admin.get("/dashboard/api/users");
    assertEquals(200, list.statusCode(), list.body());
    var users = new JsonObject(list.body()).getJsonArray("results");
    assertEquals(List.of("admin@example.com", "viewer@example.com"),
        users.stream().map(u -> ((JsonObject) u).getString("email")).toList());
    long viewerId = users.getJsonObject(1).getLong("id");
    assertEquals("viewer", users.getJsonObject(1).getString("role"));

    assertEquals(403, viewer.delete("/dashboard/api/users/" + viewerId).statusCode());
    assertEquals(204, admin.delete("/dashboard/api/users/" + viewerId).statusCode());
    assertEquals(401, viewer.get("/dashboard/api/me").statusCode(), "the removed user's session has ended");
    assertEquals(401, new DashboardSession(base).signIn("viewer@example.com", PASSWORD).statusCode());
    assertEquals(404, admin.delete("/dashboard/api/users/" + viewerId).statusCode());
  }

  @Test
  void thePortalsLastAdminCannotBeRemoved() {
    DashboardSession admin = signedIn("admin@example.com");
    long adminId = new JsonObject(admin.get("/dashboard/api/users").body()).getJsonArray("results")
        .getJsonObject(0).getLong("id");
    HttpResponse<String> refused = admin.delete("/dashboard/api/users/" + adminId);
    assertEquals(409, refused.statusCode(), refused.body());
    assertTrue(new JsonObject(refused.body()).getString("message").contains("last admin"));
    spoor.spoor().accounts().create(RunningSpoor.HUB_ID, "second@example.com", Role.ADMIN, PASSWORD);
    assertEquals(204, admin.delete("/dashboard/api/users/" + adminId).statusCode());
  }
}
