package io.spoor.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.RunningSpoor;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The first start's one-time setup link, and the page at {@code /}. */
class DashboardSetupTest {
  @Test
  void theSetupLinkCreatesTheFirstAdminOnlyOnce() {
    try (RunningSpoor spoor = RunningSpoor.start()) {
      String base = "http://127.0.0.1:" + spoor.spoor().port();
      String token = spoor.spoor().setupToken().orElseThrow();
      DashboardSession first = new DashboardSession(base);
      HttpResponse<String> created = first.setUp(token, "first@example.com", "the first password");
      assertEquals(200, created.statusCode(), created.body());
      assertEquals("admin", new JsonObject(first.get("/dashboard/api/me").body()).getString("role"));
      HttpResponse<String> again = new DashboardSession(base).setUp(token, "second@example.com", "another password");
      assertEquals(400, again.statusCode(), again.body());
      assertEquals(401, new DashboardSession(base).signIn("second@example.com", "another password").statusCode());
    }
  }

  @Test
  void aStartWithAUserPrintsNoSetupLink() {
    try (RunningSpoor spoor = RunningSpoor.start()) {
      spoor.spoor().accounts().create(RunningSpoor.HUB_ID, "a@example.com", Role.VIEWER, "some long password");
      assertTrue(spoor.spoor().accounts().firstStartToken(RunningSpoor.HUB_ID).isEmpty());
    }
  }

  @Test
  void theShellIsServedAtTheRootWithAPolicyAllowingOnlyItsOwnScripts() throws Exception {
    try (RunningSpoor spoor = RunningSpoor.start(Map.of())) {
      HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + spoor.spoor().port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("/dashboard/assets/app.js"), page.body());
      String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
      assertTrue(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), policy);
      HttpResponse<String> script = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + spoor.spoor().port() + "/dashboard/assets/app.js")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, script.statusCode());
      assertTrue(script.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
    }
  }
}
