package io.spoor.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.RunningSpoor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An upload answered before its body was read (a bad token): the unread body is read and dropped
 * up to --refused-upload-drain-bytes so the answer reaches a client still sending, and past that
 * bound the connection is closed rather than read for as long as the client sends.
 */
@Timeout(60)
class RefusedUploadTest {
  private static final int DRAIN = 64 * 1024;
  private static RunningSpoor spoor;

  @BeforeAll
  static void start() {
    spoor = RunningSpoor.start(java.util.Map.of("refused-upload-drain-bytes", Integer.toString(DRAIN)));
  }

  @AfterAll
  static void stop() {
    spoor.close();
  }

  private static String head(long length) {
    return "POST /api/v1/imports HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer not-a-token\r\n"
        + "Content-Type: text/csv\r\nContent-Length: " + length + "\r\n\r\n";
  }

  /** Sends {@code length} body bytes after the head; completes with the bytes sent before the server closed. */
  private static CompletableFuture<Long> send(Socket socket, long length) {
    return CompletableFuture.supplyAsync(() -> {
      long sent = 0;
      byte[] chunk = new byte[16 * 1024];
      java.util.Arrays.fill(chunk, (byte) 'a');
      try {
        OutputStream out = socket.getOutputStream();
        out.write(head(length).getBytes(StandardCharsets.US_ASCII));
        while (sent < length) {
          int n = (int) Math.min(chunk.length, length - sent);
          out.write(chunk, 0, n);
          sent += n;
        }
        out.flush();
      } catch (IOException closed) {
        // the server closed the connection: what was sent until then is the answer
      }
      return sent;
    });
  }

  @Test
  void aRefusedUploadFarLargerThanTheDrainBoundIsAnsweredAndItsConnectionClosedBeforeItsBodyIsAllRead()
      throws Exception {
    long length = 64L * 1024 * 1024;
    try (Socket socket = new Socket("127.0.0.1", spoor.spoor().port())) {
      CompletableFuture<Long> sending = send(socket, length);
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      String status = in.readLine();
      assertTrue(status != null && status.startsWith("HTTP/1.1 401"), "the refusal is answered: " + status);
      long sent = sending.get(50, TimeUnit.SECONDS);
      assertTrue(sent < length, "the connection was closed after " + sent + " of " + length + " bytes");
      String metrics = spoor.client().get("/metrics").body();
      assertTrue(metrics.contains("spoor_import_refused_total{limit=\"drain\"} 1.0"), metrics);
    }
  }

  @Test
  void aRefusedUploadWithinTheDrainBoundKeepsItsConnectionForTheNextRequest() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", spoor.spoor().port())) {
      assertEquals(DRAIN / 2, send(socket, DRAIN / 2).get(50, TimeUnit.SECONDS));
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      assertTrue(in.readLine().startsWith("HTTP/1.1 401"));
      String line;
      long bodyLength = 0;
      while (!(line = in.readLine()).isEmpty()) {
        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
          bodyLength = Long.parseLong(line.substring("content-length:".length()).trim());
        }
      }
      in.skip(bodyLength);
      socket.getOutputStream().write(("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      String next = in.readLine();
      assertTrue(next != null && next.startsWith("HTTP/1.1 "), "the same connection answers again: " + next);
    }
  }
}
