package io.spoor.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.Polling;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.ShiftedClock;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The dashboard's reports under the session cookie, and its live stream of applied batches, over real HTTP. */
@Timeout(60)
class DashboardLiveTest {
  private static final String PASSWORD = "correct horse battery";
  private RunningSpoor spoor;
  private String base;

  private DashboardSession start(Map<String, String> flags) {
    spoor = RunningSpoor.start(flags);
    base = "http://127.0.0.1:" + spoor.spoor().port();
    spoor.spoor().accounts().create(RunningSpoor.HUB_ID, "viewer@example.com", Role.VIEWER, PASSWORD);
    DashboardSession session = new DashboardSession(base);
    assertEquals(200, session.signIn("viewer@example.com", PASSWORD).statusCode());
    return session;
  }

  @AfterEach
  void stop() {
    if (spoor != null) {
      spoor.close();
    }
  }

  private void pageView(String path) {
    long now = System.currentTimeMillis();
    assertEquals(200, spoor.client().raw("/__ptq.gif?k=1&a=1&v=1.1&vi=" + "a".repeat(32) + "&pu="
        + "https%3A%2F%2Fexample.com" + path + "&t=Page&b=9267242.1." + now + "&cts=" + now,
        Map.of("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/126.0.0.0 Safari/537.36")).statusCode());
  }

  /** The next line of the stream that starts with {@code prefix}. */
  private static String next(Iterator<String> lines, String prefix) {
    while (lines.hasNext()) {
      String line = lines.next();
      if (line.startsWith(prefix)) {
        return line;
      }
    }
    throw new AssertionError("the stream ended before a line starting " + prefix);
  }

  @Test
  void aBatchOfThePortalsHitsAppliedIsPushedToItsLiveStream() {
    DashboardSession session = start(Map.of());
    HttpResponse<Stream<String>> stream = session.stream("/dashboard/api/live?hubId=1");
    assertEquals(200, stream.statusCode());
    assertTrue(stream.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
    try (Stream<String> body = stream.body()) {
      Iterator<String> lines = body.iterator();
      assertEquals("event: open", next(lines, "event:"));
      pageView("/pricing");
      assertEquals("event: applied", next(lines, "event:"));
      JsonObject data = new JsonObject(next(lines, "data:").substring("data:".length()).trim());
      assertEquals(1, data.getLong("hubId"));
      assertEquals(1, data.getLong("hits"));
    }
  }

  /** The reason the stream gives as it ends, once it has ended; fails when it has not within 20 s. */
  private static String endedReason(Iterator<String> lines) {
    java.util.concurrent.CompletableFuture<String> ended = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      assertEquals("event: ended", next(lines, "event: ended"));
      String reason = new JsonObject(next(lines, "data:").substring("data:".length()).trim()).getString("reason");
      while (lines.hasNext()) {
        lines.next();
      }
      return reason;
    });
    try {
      return ended.get(20, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the stream was still open 20 s after its session ended", e);
    } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void signingOutEndsTheSessionsLiveStream() {
    DashboardSession session = start(Map.of());
    HttpResponse<Stream<String>> stream = session.stream("/dashboard/api/live");
    try (Stream<String> body = stream.body()) {
      Iterator<String> lines = body.iterator();
      assertEquals("event: open", next(lines, "event:"));
      assertEquals(204, session.post("/dashboard/api/sign-out", new JsonObject()).statusCode());
      assertEquals("session", endedReason(lines));
    }
    assertTrue(spoor.client().get("/metrics").body()
        .contains("spoor_dashboard_live_ended_total{reason=\"session\"} 1.0"));
  }

  @Test
  void aUserTakenOffThePortalLosesTheirLiveStreamAndAnotherSessionOfTheSamePersonKeepsItsOwnUntilItEnds() {
    DashboardSession viewer = start(Map.of());
    spoor.spoor().accounts().create(RunningSpoor.HUB_ID, "admin@example.com", Role.ADMIN, PASSWORD);
    DashboardSession admin = new DashboardSession(base);
    assertEquals(200, admin.signIn("admin@example.com", PASSWORD).statusCode());
    HttpResponse<Stream<String>> adminStream = admin.stream("/dashboard/api/live");
    HttpResponse<Stream<String>> stream = viewer.stream("/dashboard/api/live");
    try (Stream<String> body = stream.body(); Stream<String> adminBody = adminStream.body()) {
      Iterator<String> lines = body.iterator();
      Iterator<String> adminLines = adminBody.iterator();
      assertEquals("event: open", next(lines, "event:"));
      assertEquals("event: open", next(adminLines, "event:"));
      spoor.spoor().accounts().remove(RunningSpoor.HUB_ID, "viewer@example.com");
      assertEquals("session", endedReason(lines));
      pageView("/still-live");
      assertEquals("event: applied", next(adminLines, "event:"), "the admin's stream stays open");
    }
  }

  @Test
  void aStreamWhoseSessionExpiresEndsBeforeItTellsAnythingMore() {
    ShiftedClock clock = ShiftedClock.atStartOfAMinute();
    spoor = RunningSpoor.start(Map.of("session-hours", "1"), clock);
    base = "http://127.0.0.1:" + spoor.spoor().port();
    spoor.spoor().accounts().create(RunningSpoor.HUB_ID, "viewer@example.com", Role.VIEWER, PASSWORD);
    DashboardSession session = new DashboardSession(base);
    assertEquals(200, session.signIn("viewer@example.com", PASSWORD).statusCode());
    HttpResponse<Stream<String>> stream = session.stream("/dashboard/api/live");
    try (Stream<String> body = stream.body()) {
      Iterator<String> lines = body.iterator();
      assertEquals("event: open", next(lines, "event:"));
      clock.advance(Duration.ofMinutes(61));
      pageView("/after-expiry");
      assertEquals("session", endedReason(lines));
    }
  }

  @Test
  void streamsPastTheBoundOfOnePersonAreRefusedWith429AndCounted() {
    DashboardSession session = start(Map.of("live-streams-per-user", "1"));
    HttpResponse<Stream<String>> first = session.stream("/dashboard/api/live");
    assertEquals(200, first.statusCode());
    HttpResponse<String> second = session.get("/dashboard/api/live");
    assertEquals(429, second.statusCode());
    assertTrue(new JsonObject(second.body()).getString("message").contains("1 live views open"), second.body());
    String metrics = spoor.client().get("/metrics").body();
    assertTrue(metrics.contains("spoor_dashboard_live_refused_total{bound=\"user\"} 1.0"), metrics);
    first.body().close();
    HttpResponse<Stream<String>> again = Polling.until("the closed stream given back", Duration.ofSeconds(10),
        () -> session.stream("/dashboard/api/live"), r -> {
          if (r.statusCode() != 200) {
            r.body().close();
          }
          return r.statusCode() == 200;
        });
    again.body().close();
  }

  @Test
  void withoutASessionOrForAnotherPortalThereIsNoStreamAndNoReport() {
    start(Map.of());
    DashboardSession stranger = new DashboardSession(base);
    assertEquals(401, stranger.get("/dashboard/api/live").statusCode());
    assertEquals(401, stranger.get("/dashboard/api/reports/overview?from=2026-01-01&to=2026-01-01").statusCode());
    DashboardSession viewer = new DashboardSession(base);
    viewer.signIn("viewer@example.com", PASSWORD);
    assertEquals(404, viewer.get("/dashboard/api/live?hubId=2").statusCode());
    assertEquals(404, viewer.get("/dashboard/api/reports/pages?hubId=2&from=2026-01-01&to=2026-01-01").statusCode());
  }

  @Test
  void theDashboardsReportsAnswerAsTheReportsApiDoes() {
    DashboardSession session = start(Map.of());
    pageView("/pricing");
    pageView("/docs");
    spoor.awaitApplied();
    String day = LocalDate.now(ZoneOffset.UTC).toString();
    for (String report : new String[] {"overview", "sources", "pages", "devices", "events"}) {
      String query = "?from=" + day + "&to=" + day + "&interval=hour";
      SpoorClient.Answer api = spoor.client().get("/api/v1/reports/" + report + query);
      HttpResponse<String> dashboard = session.get("/dashboard/api/reports/" + report + query);
      assertEquals(200, dashboard.statusCode(), dashboard.body());
      assertEquals(api.json(), new JsonObject(dashboard.body()), report);
    }
    HttpResponse<String> filtered = session.get("/dashboard/api/reports/overview?from=" + day + "&to=" + day
        + "&filter=page%3A%2Fpricing");
    assertEquals(1, new JsonObject(filtered.body()).getJsonObject("totals").getLong("sessions"));
  }
}
