package io.spoor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorProcess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fatal error in the ingest log (an {@link OutOfMemoryError} injected by the sink) is not a
 * zombie that answers 503 forever while reporting healthy: health and readiness fail, and
 * {@code serve} ends with a failure code so that a supervisor restarts the process.
 */
@Timeout(90)
class FatalIngestErrorIT {
  private static final String BEACON = "/__ptq.gif?k=1&a=1&vi=0123456789abcdef0123456789abcdef&pu=https%3A%2F%2Fa.example%2F";

  @TempDir
  Path dir;

  private Map<String, String> flags() {
    return Map.of("port", "0", "host", "127.0.0.1", "data", dir.toString(), "bootstrap-token", RunningSpoor.TOKEN);
  }

  @Test
  void anErrorInTheIngestLogFailsHealthAndReadinessAndRefusesLaterHits() throws Exception {
    try (Spoor spoor = Spoor.start(Settings.load(flags(), Map.of()), Clock.systemUTC(), FailingSink::new)) {
      SpoorClient client = new SpoorClient("http://127.0.0.1:" + spoor.port(), RunningSpoor.TOKEN);
      assertEquals(200, client.raw("/healthz", Map.of()).statusCode());
      assertEquals(200, client.raw("/readyz", Map.of()).statusCode());

      assertEquals(200, client.raw(BEACON, Map.of()).statusCode(), "durable in the log before it is applied");
      assertInstanceOf(OutOfMemoryError.class, spoor.failure().get(30, TimeUnit.SECONDS));

      SpoorClient.Answer health = client.get("/healthz");
      assertEquals(503, health.status());
      assertEquals("failed", health.json().getString("ingest"));
      SpoorClient.Answer ready = client.get("/readyz");
      assertEquals(503, ready.status());
      assertEquals("failed", ready.json().getString("ingest"));
      assertEquals(503, client.raw(BEACON, Map.of()).statusCode());
      assertTrue(client.get("/metrics").body().contains("spoor_ingest_up 0"));
    }
  }

  @Test
  void serveEndsWithAFailureCodeOnceTheIngestLogFails() throws Exception {
    CompletableFuture<Spoor> started = new CompletableFuture<>();
    CompletableFuture<Integer> halted = new CompletableFuture<>();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Cli cli = new Cli(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Clock.systemUTC(), settings -> {
          Spoor spoor = Spoor.start(settings, Clock.systemUTC(), FailingSink::new);
          started.complete(spoor);
          return spoor;
        }, halted::complete);
    CompletableFuture<Integer> serving = CompletableFuture.supplyAsync(() -> cli.run(new String[] {"serve",
        "--port", "0", "--host", "127.0.0.1", "--data", dir.toString(), "--bootstrap-token", RunningSpoor.TOKEN,
        "--heap-ceiling-mb", "0"}));
    Spoor spoor = started.get(60, TimeUnit.SECONDS);
    SpoorClient client = new SpoorClient("http://127.0.0.1:" + spoor.port(), RunningSpoor.TOKEN);
    assertEquals(200, client.raw(BEACON, Map.of()).statusCode());

    assertEquals(Cli.FATAL_EXIT, serving.get(60, TimeUnit.SECONDS));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("the ingest log failed"), err.toString());
    assertFalse(halted.isDone(), "it closed in time: no halt");
    assertTrue(Files.exists(dir.resolve("spoor.db")));
  }

  @Test
  void aProcessWhoseIngestLogFailsExitsWithAFailureCodeForItsSupervisor() {
    try (SpoorProcess process = SpoorProcess.start(FailingIngestMain.class.getName(), dir)) {
      assertEquals(200, process.client().raw(BEACON, Map.of()).statusCode());
      assertEquals(Cli.FATAL_EXIT, process.awaitExit(60));
    }
  }
}
