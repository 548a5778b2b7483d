package io.spoor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.RunningSpoor;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real server's limits: URL 16 KB (414), headers 16 KB (431), body 1 MB (413), and idle connections. */
class OversizedAndIdleClientsTest {
  private static final String AUTH = "Bearer " + RunningSpoor.TOKEN;
  private static RunningSpoor server;
  private static int port;

  @BeforeAll
  static void start() {
    server = RunningSpoor.start();
    port = server.spoor().port();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aUrlOverSixteenKilobytesIsRefusedWith414OnEveryKindOfEndpoint() throws IOException {
    String filler = "x".repeat(17 * 1024);
    for (String target : List.of("/v1/event?_a=1&_n=long&email=long@example.com&message=" + filler,
        "/__ptq.gif?k=1&a=1&pu=" + filler, "/crm/v3/objects/contacts?properties=" + filler, "/" + filler)) {
      assertEquals(414, answer("GET", target, Map.of("Authorization", AUTH), null).status(), target.substring(0, 30));
    }
    assertEquals(404, server.client().get("/crm/v3/objects/contacts/long@example.com?idProperty=email").status());
  }

  @Test
  void aUrlJustUnderTheLimitIsServed() throws IOException {
    String target = "/__ptq.gif?k=1&a=1&pu=" + "x".repeat(15 * 1024);
    RawHttp.Answer answer = answer("GET", target, Map.of(), null);
    assertEquals(200, answer.status());
    assertEquals("image/gif", answer.header("content-type"));
  }

  @Test
  void headersOverSixteenKilobytesAreRefusedWith431() throws IOException {
    assertEquals(431, answer("GET", "/healthz", Map.of("X-Big", "y".repeat(17 * 1024)), null).status());
    Map<String, String> many = new LinkedHashMap<>();
    for (int i = 0; i < 2000; i++) {
      many.put("X-Many-" + i, "v");
    }
    assertEquals(431, answer("GET", "/crm/v3/objects/contacts", many, null).status());
    assertEquals(431, answer("POST", "/crm/v3/objects/contacts", Map.of("Authorization", AUTH,
        "Content-Type", "application/json", "Cookie", "hubspotutk=" + "z".repeat(20_000)),
        "{\"properties\":{\"email\":\"cookie@example.com\"}}".getBytes(StandardCharsets.UTF_8)).status());
    assertEquals(404, server.client().get("/crm/v3/objects/contacts/cookie@example.com?idProperty=email").status());
  }

  @Test
  void aBodyOverOneMegabyteIsRefusedWith413AndNothingIsStored() throws IOException {
    String big = "{\"properties\":{\"email\":\"big@example.com\",\"message\":\"" + "m".repeat(1024 * 1024) + "\"}}";
    byte[] body = big.getBytes(StandardCharsets.UTF_8);
    Map<String, String> json = Map.of("Authorization", AUTH, "Content-Type", "application/json");
    RawHttp.Answer declared = answer("POST", "/crm/v3/objects/contacts", json, body);
    assertEquals(413, declared.status(), declared.text());
    assertEquals(413, chunked("/crm/v3/objects/contacts", body).status());
    assertEquals(413, answer("POST", "/events/v3/send", json, body).status());
    assertEquals(404, server.client().get("/crm/v3/objects/contacts/big@example.com?idProperty=email").status());
  }

  @Test
  void aBodyJustUnderTheLimitIsRead() throws IOException {
    // a field the API ignores carries the bulk: a property value may not be this long
    String body = "{\"properties\":{\"email\":\"almost@example.com\"},\"padding\":\"" + "m".repeat(1000 * 1000) + "\"}";
    RawHttp.Answer answer = answer("POST", "/crm/v3/objects/contacts", Map.of("Authorization", AUTH,
        "Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
    assertEquals(201, answer.status(), answer.text().substring(0, Math.min(300, answer.text().length())));
  }

  @Test
  void hundredsOfIdleAndHalfSentConnectionsDoNotStopANewClientFromBeingServed() throws IOException {
    List<Socket> hogs = new ArrayList<>();
    try {
      for (int i = 0; i < 900; i++) {
        Socket socket = new Socket("127.0.0.1", port);
        if (i % 3 == 1) {
          socket.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half: "
              .getBytes(StandardCharsets.ISO_8859_1));
        } else if (i % 3 == 2) {
          socket.getOutputStream().write(("POST /crm/v3/objects/contacts HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              + "Authorization: " + AUTH + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"pro")
              .getBytes(StandardCharsets.ISO_8859_1));
        }
        hogs.add(socket);
      }
      long started = System.nanoTime();
      assertEquals(200, answer("GET", "/healthz", Map.of(), null).status());
      assertEquals(200, answer("GET", "/readyz", Map.of(), null).status());
      assertEquals(201, answer("POST", "/crm/v3/objects/contacts", Map.of("Authorization", AUTH, "Content-Type",
          "application/json"), new JsonObject().put("properties", new JsonObject().put("email", "newcomer@example.com"))
          .encode().getBytes(StandardCharsets.UTF_8)).status());
      assertEquals(200, answer("GET", "/v1/event?_a=1&_n=arrived&email=newcomer@example.com", Map.of(), null).status());
      double seconds = (System.nanoTime() - started) / 1e9;
      assertTrue(seconds < 3, "a new client waited " + seconds + " s behind 900 idle connections");
    } finally {
      for (Socket socket : hogs) {
        socket.close();
      }
    }
  }

  private static RawHttp.Answer answer(String method, String target, Map<String, String> headers, byte[] body)
      throws IOException {
    try (RawHttp client = new RawHttp(port, Duration.ofSeconds(10))) {
      return client.exchange(RawHttp.request(method, target, headers, body));
    }
  }

  /** A POST whose body comes in 64 KB chunks, with no length announced. */
  private static RawHttp.Answer chunked(String target, byte[] body) throws IOException {
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(("POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + AUTH
        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    for (int at = 0; at < body.length; at += 64 * 1024) {
      int n = Math.min(64 * 1024, body.length - at);
      request.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      request.write(body, at, n);
      request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
    request.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    try (RawHttp client = new RawHttp(port, Duration.ofSeconds(10))) {
      return client.exchange(request.toByteArray());
    }
  }
}
