package io.spoor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.spoor.testkit.RunningSpoor;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The Host header is untrusted: one that does not parse is refused with 400 before routing,
 * counted and not logged; the tracker's tracking domain and paging links come from
 * {@code --public-url} when it is set.
 */
class HostHeaderTest {
  private static final List<String> BAD_HOSTS = List.of("a b", "[::1", "host:99999", "host:abc");

  @Test
  void aRequestWithAnInvalidHostIsAnswered400CountedAndNotLogged() throws IOException {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    root.addAppender(logged);
    try (RunningSpoor spoor = RunningSpoor.start()) {
      int sent = 0;
      for (String host : BAD_HOSTS) {
        for (String target : List.of("/healthz", "/__ptq.gif?k=1&a=1", "/1.js", "/crm/v3/objects/contacts",
            "/v1/event?_a=1&_n=x")) {
          RawHttp.Answer answer = withHost(spoor.spoor().port(), "GET " + target, host);
          assertEquals(400, answer.status(), host + " " + target + ": " + answer.text());
          JsonObject body = new JsonObject(answer.text());
          assertEquals("VALIDATION_ERROR", body.getString("category"));
          assertTrue(body.getString("message").contains("Host"), answer.text());
          sent++;
        }
      }
      String metrics = spoor.client().get("/metrics").body();
      assertTrue(metrics.contains("spoor_http_refused_total{reason=\"bad_host\"} " + sent), metrics);
    } finally {
      root.detachAppender(logged);
    }
    List<String> errors = logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR))
        .map(ILoggingEvent::getFormattedMessage).toList();
    assertTrue(errors.isEmpty(), "logged: " + errors);
  }

  @Test
  void theTrackerAndPagingLinksUseThePublicUrlAndNotTheHost() throws IOException {
    try (RunningSpoor spoor = RunningSpoor.start(Map.of("public-url", "https://track.example.com/spoor/"))) {
      String script = withHost(spoor.spoor().port(), "GET /1.js", "evil.example.net").text();
      assertTrue(script.startsWith("var __spoorConfig = {\"hubId\":1,\"trackingDomain\":\"track.example.com/spoor\""),
          script.substring(0, 120));
      for (int i = 0; i < 2; i++) {
        assertEquals(201, spoor.client().send("POST", "/crm/v3/objects/contacts",
            new JsonObject().put("properties", new JsonObject().put("email", "p" + i + "@example.com"))).status());
      }
      RawHttp.Answer page = withHost(spoor.spoor().port(), "GET /crm/v3/objects/contacts?limit=1",
          "evil.example.net", "Authorization: Bearer " + RunningSpoor.TOKEN);
      String link = new JsonObject(page.text()).getJsonObject("paging").getJsonObject("next").getString("link");
      assertTrue(link.startsWith("https://track.example.com/spoor/crm/v3/objects/contacts?after="), link);

      for (String name : List.of("signup", "purchase")) {
        assertEquals(201, spoor.client().send("POST", "/api/v1/event-definitions",
            new JsonObject().put("name", name)).status());
      }
      RawHttp.Answer definitions = withHost(spoor.spoor().port(), "GET /api/v1/event-definitions?limit=1",
          "evil.example.net", "Authorization: Bearer " + RunningSpoor.TOKEN);
      String adminLink = new JsonObject(definitions.text()).getJsonObject("paging").getJsonObject("next")
          .getString("link");
      assertTrue(adminLink.startsWith("https://track.example.com/spoor/api/v1/event-definitions?after="), adminLink);
    }
  }

  @Test
  void withoutAPublicUrlEachHostGetsTheTrackerWithItsDomainGzippedWhole() throws IOException {
    try (RunningSpoor spoor = RunningSpoor.start()) {
      for (String host : List.of("a.example.com", "b.example.com:8443")) {
        String plain = withHost(spoor.spoor().port(), "GET /1.js", host).text();
        RawHttp.Answer gzipped = withHost(spoor.spoor().port(), "GET /1.js", host, "Accept-Encoding: gzip");
        assertEquals("gzip", gzipped.header("content-encoding"));
        String unzipped = new String(new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes(),
            StandardCharsets.UTF_8);
        assertEquals(plain, unzipped);
        assertTrue(plain.startsWith("var __spoorConfig = {\"hubId\":1,\"trackingDomain\":\"" + host + "\""), plain);
      }
    }
  }

  /** One request on its own connection with exactly this Host header (RawHttp's requests carry their own). */
  static RawHttp.Answer withHost(int port, String methodAndTarget, String host, String... headers) throws IOException {
    try (RawHttp raw = new RawHttp(port, Duration.ofSeconds(10))) {
      raw.open();
      StringBuilder head = new StringBuilder(methodAndTarget).append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n");
      for (String header : headers) {
        head.append(header).append("\r\n");
      }
      raw.output().write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
      raw.output().flush();
      return raw.read(true);
    }
  }
}
