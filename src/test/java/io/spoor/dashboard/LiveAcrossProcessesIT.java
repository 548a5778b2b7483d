package io.spoor.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.spoor.testkit.PostgresServer;
import io.spoor.testkit.RunningSpoor;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two all-in-ones, each with its own ingest log, on one PostgreSQL store: one (the processor)
 * takes and applies the hits, the other (the viewer, in the place of an {@code api} process)
 * serves the dashboard. The viewer's live streams push the batches the processor applied, and
 * its reports, filtered through its index of visits, count the processor's hits exactly once.
 */
@Timeout(120)
class LiveAcrossProcessesIT {
  private static final String PASSWORD = "correct horse battery";
  private static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
      + "Chrome/126.0.0.0 Safari/537.36";
  private String store;
  private RunningSpoor processor;
  private RunningSpoor api;
  private DashboardSession session;
  private final long visitsBegan = System.currentTimeMillis();

  @BeforeEach
  void start() {
    store = PostgresServer.shared().newDatabase();
    processor = RunningSpoor.start(Map.of("store", store));
    api = RunningSpoor.start(Map.of("store", store));
    api.spoor().accounts().create(RunningSpoor.HUB_ID, "viewer@example.com", Role.VIEWER, PASSWORD);
    session = new DashboardSession("http://127.0.0.1:" + api.spoor().port());
    assertEquals(200, session.signIn("viewer@example.com", PASSWORD).statusCode());
  }

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
    if (processor != null) {
      processor.close();
    }
    PostgresServer.shared().drop(store);
  }

  /** A page view acknowledged by the processor, in a visit that began when the test did. */
  private void pageView(String utk, String path) {
    long now = System.currentTimeMillis();
    assertEquals(200, processor.client().raw("/__ptq.gif?k=1&a=1&v=1.1&vi=" + utk + "&pu="
        + "https%3A%2F%2Fexample.com" + path + "&t=Page&b=9267242.1." + visitsBegan + "&cts=" + now,
        Map.of("User-Agent", CHROME)).statusCode());
  }

  /** The stream's events' data lines, as they arrive, read on a thread of their own. */
  private static BlockingQueue<String> events(HttpResponse<Stream<String>> stream) {
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> stream.body().filter(line -> line.startsWith("data:"))
        .forEach(line -> events.add(line.substring("data:".length()).trim())), "live-reader");
    reader.setDaemon(true);
    reader.start();
    return events;
  }

  private static JsonObject next(BlockingQueue<String> events) throws InterruptedException {
    String data = events.poll(10, TimeUnit.SECONDS);
    assertNotNull(data, "no event on the other process's live stream within 10 s");
    return new JsonObject(data);
  }

  @Test
  void aHitAppliedByOneProcessIsPushedOnAnotherProcesssLiveStream() throws InterruptedException {
    HttpResponse<Stream<String>> stream = session.stream("/dashboard/api/live?hubId=1");
    assertEquals(200, stream.statusCode());
    BlockingQueue<String> events = events(stream);
    assertEquals(1, next(events).getLong("hubId"), "the open event");

    List<Long> freshnessMs = new ArrayList<>();
    long hits = 0;
    for (int i = 0; i < 20; i++) {
      long acknowledged = System.nanoTime();
      pageView(String.format("%032x", i), "/pricing");
      JsonObject applied = next(events);
      freshnessMs.add((System.nanoTime() - acknowledged) / 1_000_000);
      assertEquals(1, applied.getLong("hubId"));
      hits += applied.getLong("hits");
      processor.awaitApplied();
      while (hits < i + 1) {
        hits += next(events).getLong("hits");
      }
    }
    assertEquals(20, hits, "every hit pushed once");
    stream.body().close();
    Collections.sort(freshnessMs);
    System.out.println("live freshness across processes (acknowledged at one process, pushed by "
        + "another), ms: median " + freshnessMs.get(10) + ", max " + freshnessMs.get(19) + ", all " + freshnessMs);
  }

  @Test
  void anotherProcesssFilteredReportsCountTheHitsOneAppliedOnce() {
    String day = LocalDate.now(ZoneOffset.UTC).toString();
    String filtered = "/dashboard/api/reports/overview?from=" + day + "&to=" + day + "&filter=page%3A%2Fpricing";
    assertEquals(0, totals(filtered).getLong("sessions"), "the index reads the day before any hit");

    for (int i = 0; i < 5; i++) {
      pageView(String.format("%032x", 100 + i), "/pricing");
    }
    pageView(String.format("%032x", 200), "/docs");
    processor.awaitApplied();
    JsonObject first = totals(filtered);
    assertEquals(5, first.getLong("sessions"));
    assertEquals(5, first.getLong("pageViews"));

    pageView(String.format("%032x", 100), "/docs"); // a second page in a visit the index holds
    pageView(String.format("%032x", 300), "/pricing");
    processor.awaitApplied();
    JsonObject then = totals(filtered);
    assertEquals(6, then.getLong("sessions"));
    assertEquals(7, then.getLong("pageViews"));
    assertEquals(then, totals(filtered), "read again, nothing counted twice");
  }

  private JsonObject totals(String path) {
    HttpResponse<String> answer = session.get(path);
    assertEquals(200, answer.statusCode(), answer.body());
    return new JsonObject(answer.body()).getJsonObject("totals");
  }
}
