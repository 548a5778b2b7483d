package io.spoor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.http.Http;
import io.spoor.http.HttpServerSettings;
import io.spoor.http.RateLimiter;
import io.spoor.http.Routes;
import io.spoor.http.Server;
import io.spoor.ops.Metrics;
import io.spoor.admin.OpsRoutes;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients that send a request too slowly are cut off after the server's request timeout (one
 * second here, through {@link HttpServerSettings}), however steadily they trickle bytes; clients
 * that are merely slow to be answered, or that keep sending whole requests, are not.
 */
class SlowClientIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private static final long DRIP_MILLIS = 100;

  private static Vertx vertx;
  private static Server server;
  private static int port;
  private static ScheduledExecutorService drip;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    Metrics metrics = new Metrics();
    Routes slowAnswer = (router, http) -> {
      router.post("/echo").handler(http.body()).handler(ctx -> ctx.response().end("got " + ctx.body().length()));
      router.get("/slow").handler(ctx -> ctx.vertx().setTimer(2 * TIMEOUT.toMillis(), t -> ctx.response().end("late")));
    };
    server = new Server(vertx, new HttpServerSettings("127.0.0.1", 0, 16 * 1024, TIMEOUT),
        List.of(new OpsRoutes(metrics, () -> true), slowAnswer), new Http(null, 1024 * 1024,
            new RateLimiter(Clock.systemUTC())), metrics);
    port = server.start();
    drip = Executors.newScheduledThreadPool(2);
  }

  @AfterAll
  static void stop() {
    drip.shutdownNow();
    server.stop();
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @Test
  void aClientSendingItsHeadersOneByteAtATimeIsCutOffAfterTheTimeout() throws Exception {
    byte[] head = ("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + "a".repeat(200) + "\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    Dripped result = drip(new byte[0], head);
    assertTrue(result.answer().isEmpty(), "the server answered a request it never fully got: " + result.answer());
    assertCutOffInTime(result);
    assertTrue(result.bytesSent() < head.length, "the whole head got through: " + result.bytesSent());
  }

  @Test
  void aClientSendingItsBodySlowlyGetsA408AndIsCutOffAfterTheTimeout() throws Exception {
    byte[] head = ("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Content-Length: 300\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    Dripped result = drip(head, "x".repeat(300).getBytes(StandardCharsets.ISO_8859_1));
    assertTrue(result.answer().startsWith("HTTP/1.1 408"), result.answer());
    assertCutOffInTime(result);
    assertTrue(result.bytesSent() < 300, "the whole body got through: " + result.bytesSent());
  }

  @Test
  void aSlowAnswerIsNotCutOff() throws IOException {
    try (RawHttp client = new RawHttp(port, Duration.ofSeconds(10))) {
      RawHttp.Answer answer = client.exchange(RawHttp.request("GET", "/slow", Map.of(), null));
      assertEquals(200, answer.status());
      assertEquals("late", answer.text());
    }
  }

  @Test
  void aConnectionThatKeepsSendingWholeRequestsStaysOpenLongerThanTheTimeout() throws Exception {
    try (RawHttp client = new RawHttp(port, Duration.ofSeconds(5))) {
      client.open();
      OutputStream out = client.output();
      byte[] request = RawHttp.request("GET", "/healthz", Map.of(), null);
      AtomicInteger answered = new AtomicInteger();
      CompletableFuture<Void> done = new CompletableFuture<>();
      int rounds = 8;
      // a request every 400 ms on one connection: 3.2 s in all, more than three timeouts
      ScheduledFuture<?> sending = drip.scheduleAtFixedRate(() -> {
        try {
          RawHttp.Answer answer = client.read(true);
          if (answer.status() != 200 || answer.closed()) {
            done.completeExceptionally(new AssertionError("answer " + answered.get() + ": " + answer.status()));
          } else if (answered.incrementAndGet() == rounds) {
            done.complete(null);
          } else {
            out.write(request);
            out.flush();
          }
        } catch (IOException e) {
          done.completeExceptionally(new AssertionError("cut off after " + answered.get() + " answers", e));
        }
      }, 400, 400, TimeUnit.MILLISECONDS);
      out.write(request);
      out.flush();
      try {
        done.get(10, TimeUnit.SECONDS);
      } finally {
        sending.cancel(false);
      }
      assertEquals(rounds, answered.get());
    }
  }

  @Test
  void anIdleKeptAliveConnectionIsClosedAfterTheTimeout() throws Exception {
    try (RawHttp client = new RawHttp(port, Duration.ofSeconds(5))) {
      assertEquals(200, client.exchange(RawHttp.request("GET", "/healthz", Map.of(), null)).status());
      long answeredAt = System.nanoTime();
      InputStream in = client.input();
      assertEquals(-1, in.read(), "the server sent more than its answer");
      double after = (System.nanoTime() - answeredAt) / 1e9;
      assertTrue(after >= TIMEOUT.toMillis() / 1000.0 * 0.9 && after < TIMEOUT.toMillis() / 1000.0 + 2,
          "closed " + after + " s after the answer");
    }
  }

  /** What a dripping client saw: the answer (if any), when the connection was closed, what it sent. */
  private record Dripped(String answer, double closedAfterSeconds, int bytesSent) {
  }

  /**
   * Opens a connection, writes {@code first} at once and then {@code slow} one byte every
   * {@value #DRIP_MILLIS} ms, and reads until the server closes the connection.
   */
  private Dripped drip(byte[] first, byte[] slow) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(first);
      out.flush();
      long started = System.nanoTime();
      AtomicInteger sentBytes = new AtomicInteger();
      ScheduledFuture<?> writer = drip.scheduleAtFixedRate(() -> {
        int i = sentBytes.get();
        if (i < slow.length) {
          try {
            out.write(slow[i]);
            out.flush();
            sentBytes.incrementAndGet();
          } catch (IOException e) {
            // the server closed the connection: what the test waits for
            throw new IllegalStateException(e);
          }
        }
      }, DRIP_MILLIS, DRIP_MILLIS, TimeUnit.MILLISECONDS);
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      try {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          answer.write(buffer, 0, n);
        }
      } catch (SocketTimeoutException e) {
        throw new AssertionError("the server did not close the connection of a client dripping bytes for 10 s", e);
      } catch (IOException e) {
        // reset by the server: closed as well
      } finally {
        writer.cancel(false);
      }
      return new Dripped(answer.toString(StandardCharsets.ISO_8859_1), (System.nanoTime() - started) / 1e9,
          sentBytes.get());
    }
  }

  private static void assertCutOffInTime(Dripped result) {
    double timeout = TIMEOUT.toMillis() / 1000.0;
    assertTrue(result.closedAfterSeconds() >= timeout * 0.9, "cut off too early: " + result.closedAfterSeconds());
    assertTrue(result.closedAfterSeconds() < timeout + 2, "cut off too late: " + result.closedAfterSeconds());
  }
}
