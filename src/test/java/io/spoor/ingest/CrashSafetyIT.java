package io.spoor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorProcess;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Acknowledged means durable: hits are sent by several clients while the server is killed
 * with SIGKILL; after each restart every acknowledged hit is there exactly once and the
 * SQLite file passes its integrity check. Set {@code -Dspoor.crash.kills=…} for a longer run
 * ({@code bench/crash.sh} kills it 20 times).
 */
class CrashSafetyIT {
  private static final int CLIENTS = 8;
  private static final int KILLS = Integer.getInteger("spoor.crash.kills", 3);

  @Test
  void everyAcknowledgedHitSurvivesSigkillExactlyOnce() throws Exception {
    long started = System.nanoTime();
    Path data = Files.createTempDirectory("spoor-crash");
    Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    for (int round = 0; round < KILLS; round++) {
      try (SpoorProcess server = SpoorProcess.start(data)) {
        sendUntilKilled(server, round, acknowledged);
      }
    }
    try (SpoorProcess server = SpoorProcess.start(data)) {
      SpoorClient client = server.client();
      // the read-back is hundreds of calls: lift the per-token rate limit for it
      assertEquals(200, client.send("PATCH", "/api/v1/portal",
          new io.vertx.core.json.JsonObject().put("rateLimitSecondly", 0).put("rateLimitDaily", 0)).status());
      for (String email : acknowledged) {
        SpoorClient.Answer answer = client.get("/crm/v3/objects/contacts/"
            + URLEncoder.encode(email, StandardCharsets.UTF_8)
            + "?idProperty=email&properties=hs_analytics_num_event_completions");
        assertEquals(200, answer.status(), "acknowledged hit lost: " + email);
        assertEquals("1", answer.json().getJsonObject("properties")
            .getString("hs_analytics_num_event_completions"), "applied more than once: " + email);
      }
    }
    String integrity = integrityCheck(data.resolve("spoor.db"));
    System.out.printf("crash: %d SIGKILLs, %d acknowledged hits found exactly once, integrity_check %s, %.1f s%n",
        KILLS, acknowledged.size(), integrity, (System.nanoTime() - started) / 1e9);
    assertTrue(acknowledged.size() >= KILLS * 100, "too few hits acknowledged: " + acknowledged.size());
    assertEquals("ok", integrity);
  }

  /** Sends hits from several clients and kills the server once a number of them were answered. */
  private static void sendUntilKilled(SpoorProcess server, int round, Queue<String> acknowledged)
      throws InterruptedException {
    SpoorClient client = server.client();
    int killAfter = 100 + (int) (Math.random() * 400);
    AtomicInteger answered = new AtomicInteger();
    CountDownLatch enough = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    for (int c = 0; c < CLIENTS; c++) {
      int clientNo = c;
      pool.execute(() -> {
        for (int n = 0; !Thread.currentThread().isInterrupted(); n++) {
          String email = "crash-" + round + "-" + clientNo + "-" + n + "@example.com";
          try {
            if (client.raw("/v1/event?_a=1&_n=crash&email=" + email, Map.of()).statusCode() == 200) {
              acknowledged.add(email);
              if (answered.incrementAndGet() >= killAfter) {
                enough.countDown();
              }
            }
          } catch (RuntimeException connectionLost) {
            return;
          }
        }
      });
    }
    assertTrue(enough.await(120, TimeUnit.SECONDS), "server did not answer enough hits");
    server.kill();
    pool.shutdownNow();
    assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
  }

  private static String integrityCheck(Path file) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        ResultSet rs = connection.createStatement().executeQuery("PRAGMA integrity_check")) {
      rs.next();
      return rs.getString(1);
    }
  }

}
