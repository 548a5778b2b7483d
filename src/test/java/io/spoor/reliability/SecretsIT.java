package io.spoor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tokens never show up where they should not: a server process with DEBUG logging is put
 * through authentication failures, a revoked token, {@code hapikey}, and bad requests carrying
 * a token in the URL, query or headers; then no answer (but the one issuing the token), no
 * {@code /metrics} text and no line the process wrote holds the bootstrap token, an issued
 * token or the token the first start printed (that one only in its banner).
 */
class SecretsIT {
  private static final String BOOTSTRAP = "bootstrap-secret-5d1c7e0a9b3f4e21";
  private static final Pattern BANNER_TOKEN = Pattern.compile("shown only now:\\s+(pat-na1-[0-9a-f-]{36})");

  private static LoggedSpoorProcess spoor;
  private static String issued;
  private static String firstStart;
  private static String output;
  private static String stdout;
  private static String stderr;
  private static final List<String> answers = new ArrayList<>();

  @BeforeAll
  static void exercise() throws Exception {
    Path data = Files.createTempDirectory("spoor-secrets");
    spoor = LoggedSpoorProcess.start(data, Map.of("SPOOR_BOOTSTRAP_TOKEN", BOOTSTRAP, "SPOOR_LOG_LEVEL", "DEBUG"));
    Matcher banner = BANNER_TOKEN.matcher(spoor.stdout());
    assertTrue(banner.find(), "the first start printed no token: " + spoor.stdout());
    firstStart = banner.group(1);

    // the default limit (10 calls a second) would answer most of what follows with 429
    assertEquals(200, send("PATCH", "/api/v1/portal", bearer(BOOTSTRAP), "{\"rateLimitSecondly\":0}").status());
    RawHttp.Answer created = send("POST", "/api/v1/tokens", bearer(BOOTSTRAP),
        "{\"name\":\"ci\",\"scopes\":[\"crm.objects.contacts.read\"]}");
    assertEquals(201, created.status(), created.text());
    issued = new JsonObject(created.text()).getString("token");
    String issuedId = new JsonObject(created.text()).getString("id");
    assertEquals(200, record(send("GET", "/crm/v3/objects/contacts", bearer(issued), null)).status());

    for (String secret : List.of(BOOTSTRAP, issued, firstStart)) {
      authenticationFailures(secret);
      tokenInTheUrl(secret);
    }
    assertEquals(403, record(send("POST", "/crm/v3/objects/contacts", bearer(issued),
        "{\"properties\":{\"email\":\"scope@example.com\"}}")).status());
    assertEquals(204, record(send("DELETE", "/api/v1/tokens/" + issuedId, bearer(BOOTSTRAP), null)).status());
    RawHttp.Answer revoked = record(send("GET", "/crm/v3/objects/contacts", bearer(issued), null));
    assertEquals(401, revoked.status());
    assertTrue(revoked.text().contains("revoked"), revoked.text());
    record(send("GET", "/api/v1/tokens", bearer(BOOTSTRAP), null));
    // not checked: the rejection list keeps the raw query of a hit, hapikey included (reported)
    assertEquals(200, send("GET", "/api/v1/rejections", bearer(BOOTSTRAP), null).status());
    record(send("GET", "/metrics", Map.of(), null));

    stdout = spoor.stdout();
    output = spoor.stopAndReadOutput();
    stderr = spoor.stderr();
  }

  @AfterAll
  static void stop() {
    if (spoor != null) {
      spoor.close();
    }
  }

  private static void authenticationFailures(String secret) throws IOException {
    for (String header : List.of("Bearer " + secret + "x", "Bearer x" + secret, "Bearer  " + secret + " " + secret,
        "Basic " + Base64.getEncoder().encodeToString(("user:" + secret).getBytes(StandardCharsets.UTF_8)),
        "Token " + secret, secret, "Bearer " + secret.toUpperCase(java.util.Locale.ROOT))) {
      RawHttp.Answer answer = record(send("GET", "/crm/v3/objects/contacts", Map.of("Authorization", header), null));
      assertEquals(401, answer.status(), header);
    }
    for (String query : List.of("hapikey=", "access_token=", "token=")) {
      assertEquals(401, record(send("GET", "/crm/v3/objects/contacts?" + query + secret, Map.of(), null)).status());
    }
    assertEquals(401, record(send("POST", "/crm/v3/objects/contacts?hapikey=" + secret,
        Map.of("Content-Type", "application/json"), "{\"properties\":{}}")).status());
  }

  /** Requests that carry the token where it does not belong, each refused in some way. */
  private static void tokenInTheUrl(String secret) throws IOException {
    Map<String, String> admin = bearer(BOOTSTRAP);
    List<String[]> requests = List.of(
        new String[] {"GET", "/crm/v3/objects/contacts?limit=" + secret},
        new String[] {"GET", "/crm/v3/objects/contacts?after=" + secret + "&hapikey=" + secret},
        new String[] {"GET", "/crm/v3/objects/contacts?properties=%zz&hapikey=" + secret},
        new String[] {"GET", "/crm/v3/objects/contacts/%zz" + secret},
        new String[] {"GET", "/crm/v3/objects/contacts/" + secret},
        new String[] {"GET", "/crm/v3/objects/contacts/" + secret + "?idProperty=email"},
        new String[] {"DELETE", "/api/v1/tokens/" + secret},
        new String[] {"GET", "/api/v1/visitors/" + secret},
        new String[] {"GET", "/events/v3/event-definitions/" + secret},
        new String[] {"GET", "/crm/v3/properties/contacts/" + secret},
        new String[] {"GET", "/crm/v4/objects/contacts/" + secret + "/associations/companies"},
        new String[] {"GET", "/api/v1/rejections?after=" + secret},
        new String[] {"GET", "/api/v1/contacts/1/timeline?limit=" + secret},
        new String[] {"GET", "/no/such/endpoint/" + secret + "?hapikey=" + secret},
        new String[] {"PUT", "/api/v1/tokens?hapikey=" + secret},
        new String[] {"GET", "/v1/event?hapikey=" + secret},
        new String[] {"GET", "/v1/event?_a=" + secret + "&_n=x"});
    for (String[] r : requests) {
      RawHttp.Answer answer = record(send(r[0], r[1], admin, null));
      assertTrue(answer.status() >= 400 && answer.status() < 500, r[1] + " answered " + answer.status());
    }
    assertEquals(200, record(send("GET", "/v1/event?_a=1&_n=with_key&hapikey=" + secret + "&email=not-an-email",
        Map.of(), null)).status());
    assertEquals(200, record(send("GET", "/__ptq.gif?k=1&a=1&hapikey=" + secret + "&x=%zz", Map.of(), null)).status());
    assertEquals(414, record(send("GET", "/crm/v3/objects/contacts?hapikey=" + secret + "&pad=" + "p".repeat(17_000),
        Map.of(), null)).status());
    assertEquals(431, record(send("GET", "/healthz", Map.of("X-Token", secret + "q".repeat(17_000)), null)).status());
    assertTrue(record(send("GET", "/crm/v3/objects/contacts?hapikey=" + secret + "\u0001", admin, null)).status() < 500);
  }

  @Test
  void noAnswerOtherThanTheIssuingOneShowsAToken() {
    List<String> leaking = new ArrayList<>();
    for (String answer : answers) {
      for (String secret : List.of(BOOTSTRAP, issued, firstStart)) {
        if (containsSecret(answer, secret)) {
          leaking.add(shorten(answer));
        }
      }
    }
    assertTrue(answers.size() > 80, "answers checked: " + answers.size());
    assertTrue(leaking.isEmpty(), leaking.size() + " answers show a token:\n" + String.join("\n", leaking));
  }

  @Test
  void metricsShowNoToken() {
    String metrics = answers.stream().filter(a -> a.contains("spoor_http_request_seconds")).findFirst().orElseThrow();
    for (String secret : List.of(BOOTSTRAP, issued, firstStart)) {
      assertTrue(!containsSecret(metrics, secret), "metrics show a token");
    }
  }

  @Test
  void theLogsNeverShowAToken() {
    assertTrue(stderr.contains("listening on"), "no log lines captured: " + stderr);
    for (String secret : List.of(BOOTSTRAP, issued, firstStart)) {
      assertTrue(!containsSecret(stderr, secret), "the log shows a token:\n" + linesWith(stderr, secret));
    }
  }

  @Test
  void standardOutputShowsOnlyTheFirstStartTokenAndOnlyInItsBanner() {
    assertTrue(!containsSecret(output, BOOTSTRAP), "output shows the bootstrap token:\n" + linesWith(output, BOOTSTRAP));
    assertTrue(!containsSecret(output, issued), "output shows an issued token:\n" + linesWith(output, issued));
    assertEquals(1, stdout.split(Pattern.quote(firstStart), -1).length - 1, "the first-start token is printed once");
    assertTrue(!containsSecret(stderr, firstStart), "the first-start token is in the log");
  }

  /** The token itself or everything of it but the last four characters (the hint listings show). */
  private static boolean containsSecret(String text, String secret) {
    return text.contains(secret.substring(0, secret.length() - 4));
  }

  private static String linesWith(String text, String secret) {
    StringBuilder lines = new StringBuilder();
    for (String line : text.split("\n")) {
      if (containsSecret(line, secret)) {
        lines.append(shorten(line)).append('\n');
      }
    }
    return lines.toString();
  }

  private static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token);
  }

  private static RawHttp.Answer send(String method, String target, Map<String, String> headers, String body)
      throws IOException {
    Map<String, String> all = new LinkedHashMap<>(headers);
    if (body != null) {
      all.putIfAbsent("Content-Type", "application/json");
    }
    try (RawHttp client = new RawHttp(spoor.port(), Duration.ofSeconds(10))) {
      return client.exchange(RawHttp.request(method, target, all, body == null ? null
          : body.getBytes(StandardCharsets.UTF_8)));
    }
  }

  /** Keeps the answer, headers and body, for the checks. */
  private static RawHttp.Answer record(RawHttp.Answer answer) {
    answers.add(answer.status() + " " + answer.headers() + " " + answer.text());
    return answer;
  }

  private static String shorten(String s) {
    return s.length() > 400 ? s.substring(0, 400) + "…" : s;
  }
}
