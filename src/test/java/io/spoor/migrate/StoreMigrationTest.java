package io.spoor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.crm.ContactApi;
import io.spoor.crm.Tracking;
import io.spoor.dashboard.Role;
import io.spoor.http.Scope;
import io.spoor.testkit.PostgresServer;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorProcess;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code spoor migrate}: a store filled through the HTTP API, copied into a real PostgreSQL,
 * answers the same there; and what it refuses.
 */
class StoreMigrationTest {
  private static final String PASSWORD = "a long dashboard password";
  private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private String target;

  @BeforeEach
  void embeddedSourceAndEmptyTarget() {
    Assumptions.assumeFalse(RunningSpoor.allOnPostgres(), "migrates from the embedded store");
    target = PostgresServer.shared().newDatabase();
  }

  @AfterEach
  void dropTarget() {
    if (target != null) {
      PostgresServer.shared().drop(target);
    }
  }

  @Test
  void aStoreFilledThroughTheApiAnswersTheSameOnPostgresqlAfterItsMigration() {
    Map<String, String> before;
    Path data;
    String token;
    try (RunningSpoor sqlite = RunningSpoor.start()) {
      data = sqlite.data();
      token = fill(sqlite);
      before = reads(sqlite.client());
    }

    assertEquals(0, migrate(data, false), err.toString());

    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("count check: every table's rows match"), printed);
    assertTrue(printed.matches("(?s).*\\npage_view +[1-9][0-9,]* +[1-9][0-9,]*\\n.*"), printed);
    try (RunningSpoor postgres = RunningSpoor.start(Map.of("store", target))) {
      SpoorClient client = postgres.client();
      assertEquals(asPostgresKeepsIt(before), reads(client));
      assertEquals(200, client.withToken(token).get(ContactApi.PATH).status(), "the issued token still authenticates");
      assertEquals(401, client.withToken(token + "x").get(ContactApi.PATH).status());
      assertEquals(200, signIn(postgres, "owner@example.com", PASSWORD).statusCode(), "the user still signs in");
      SpoorClient.Answer created = client.send("POST", ContactApi.PATH, new JsonObject().put("properties",
          new JsonObject().put("email", "after@example.com")));
      assertEquals(201, created.status(), created.body());
      assertTrue(Long.parseLong(created.json().getString("id")) > maxContactId(before),
          "a new contact takes a key after the copied ones: " + created.body());
    }
  }

  @Test
  void aDirectoryAServerHoldsIsRefused() {
    try (RunningSpoor sqlite = RunningSpoor.start()) {
      MigrationRefusedException refused = assertThrows(MigrationRefusedException.class,
          () -> migrate(sqlite.data(), false));
      assertTrue(refused.getMessage().contains("a Spoor server is running on"), refused.getMessage());
    }
  }

  @Test
  void aDirectoryAServerInAnotherProcessHoldsIsRefused() throws IOException {
    Path data = Files.createTempDirectory("spoor-migrate");
    try (SpoorProcess server = SpoorProcess.start(data)) {
      MigrationRefusedException refused = assertThrows(MigrationRefusedException.class, () -> migrate(data, false));
      assertTrue(refused.getMessage().contains("a Spoor server is running on"), refused.getMessage());
    }
  }

  @Test
  void anIngestLogHoldingHitsNotYetAppliedIsRefused() throws SQLException, IOException {
    Path data;
    try (RunningSpoor sqlite = RunningSpoor.start()) {
      data = sqlite.data();
      new Tracking(sqlite).event("_n=pe_signup&email=late%40example.com");
      new Tracking(sqlite).event("_n=pe_signup&email=later%40example.com");
    }
    // as a crash leaves it: the hits are in the log, their batch never committed nor marked
    try (Connection store = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("spoor.db"));
        Statement s = store.createStatement()) {
      s.executeUpdate("UPDATE log_position SET position = 0");
    }
    Files.delete(data.resolve("log").resolve("applied"));

    MigrationRefusedException refused = assertThrows(MigrationRefusedException.class, () -> migrate(data, false));

    assertTrue(refused.getMessage().contains("holds 2 hits not yet applied"), refused.getMessage());
    assertEquals(0, rows(target, "crm_object"), "nothing was copied");
  }

  @Test
  void aTargetThatHoldsDataIsRefusedAndReplacedWithForce() {
    Path data;
    try (RunningSpoor sqlite = RunningSpoor.start()) {
      data = sqlite.data();
      sqlite.client().send("POST", ContactApi.PATH, new JsonObject().put("properties",
          new JsonObject().put("email", "source@example.com")));
    }
    try (RunningSpoor other = RunningSpoor.start(Map.of("store", target))) {
      other.client().send("POST", ContactApi.PATH, new JsonObject().put("properties",
          new JsonObject().put("email", "already-there@example.com")));
    }

    MigrationRefusedException refused = assertThrows(MigrationRefusedException.class, () -> migrate(data, false));
    assertTrue(refused.getMessage().contains("the target already holds data"), refused.getMessage());
    assertTrue(refused.getMessage().contains("--force"), refused.getMessage());

    assertEquals(0, migrate(data, true), err.toString());
    try (RunningSpoor postgres = RunningSpoor.start(Map.of("store", target))) {
      assertEquals(200, postgres.client().get(ContactApi.PATH + "/source%40example.com?idProperty=email").status());
      assertEquals(404, postgres.client().get(ContactApi.PATH + "/already-there%40example.com?idProperty=email")
          .status());
    }
  }

  @Test
  void aTargetThatIsNotPostgresqlIsRefused() {
    MigrationRefusedException refused = assertThrows(MigrationRefusedException.class,
        () -> new StoreMigration(Path.of("unused"), "jdbc:sqlite:/tmp/x.db", false, print(out), progress()).run());
    assertTrue(refused.getMessage().contains("must be a PostgreSQL JDBC URL"), refused.getMessage());
  }

  /**
   * Contacts with a property changed twice, events, page views, Segment messages, a token and a
   * dashboard user, all through the API; the token's value.
   */
  private static String fill(RunningSpoor server) {
    SpoorClient client = server.client();
    Tracking hits = new Tracking(server);
    for (int i = 0; i < 5; i++) {
      String id = client.send("POST", ContactApi.PATH, new JsonObject().put("properties", new JsonObject()
          .put("email", "person" + i + "@example.com").put("firstname", "First" + i))).json().getString("id");
      client.send("PATCH", ContactApi.PATH + "/" + id, new JsonObject().put("properties",
          new JsonObject().put("firstname", "Second" + i + "\u0000nul")));
    }
    assertEquals(201, client.send("POST", "/events/v3/event-definitions", new JsonObject()
        .put("label", "Signed up").put("name", "signed_up").put("primaryObject", "CONTACT")).status());
    assertEquals(204, client.send("POST", "/events/v3/send", new JsonObject().put("eventName", "signed_up")
        .put("email", "person1@example.com")).status());
    hits.event("_n=pe_clicked&email=person2%40example.com");
    long start = System.currentTimeMillis() - 60_000;
    String utk = Tracking.utk();
    hits.pageView(utk, "https://site.example/pricing", start, "person3@example.com");
    hits.pageView(utk, "https://site.example/docs", start, "");
    hits.pageView(Tracking.utk(), "https://site.example/", start, "");
    hits.trackEvent(utk, "clicked_buy");
    String writeKey = client.send("POST", "/api/v1/write-keys", new JsonObject().put("name", "web")).json()
        .getString("key");
    segment(client, writeKey, "/v1/identify", new JsonObject().put("userId", "user-7")
        .put("traits", new JsonObject().put("email", "segment@example.com").put("firstName", "Seg")));
    segment(client, writeKey, "/v1/track", new JsonObject().put("userId", "user-7").put("event", "Order Completed"));
    server.awaitApplied();
    server.spoor().accounts().create(RunningSpoor.HUB_ID, "owner@example.com", Role.ADMIN, PASSWORD);
    return server.spoor().portals().issueToken(RunningSpoor.HUB_ID, "migrated", Scope.all()).value();
  }

  /** The answers compared before and after: contacts with history, a timeline, events, reports, keys, rejections. */
  private static Map<String, String> reads(SpoorClient client) {
    String day = LocalDate.now(ZoneOffset.UTC).toString();
    String yesterday = Instant.now().minusSeconds(86_400).atZone(ZoneOffset.UTC).toLocalDate().toString();
    String range = "from=" + yesterday + "&to=" + day;
    String person3 = ok(client, ContactApi.PATH + "/person3%40example.com?idProperty=email").getString("id");
    Map<String, String> reads = new LinkedHashMap<>();
    for (String path : List.of(
        ContactApi.PATH + "?limit=100&properties=email,firstname&propertiesWithHistory=firstname",
        ContactApi.PATH + "/person1%40example.com?idProperty=email&propertiesWithHistory=firstname",
        ContactApi.PATH + "/segment%40example.com?idProperty=email&properties=firstname",
        "/api/v1/contacts/" + person3 + "/timeline",
        "/api/v1/event-definitions",
        "/api/v1/reports/overview?" + range,
        "/api/v1/reports/pages?" + range,
        "/api/v1/reports/events?" + range,
        "/api/v1/write-keys",
        "/api/v1/rejections?limit=1000")) {
      reads.put(path, ok(client, path).encodePrettily());
    }
    return reads;
  }

  /** PostgreSQL's text holds no U+0000: the copy keeps it as U+FFFD, as every write there does. */
  private static Map<String, String> asPostgresKeepsIt(Map<String, String> reads) {
    Map<String, String> kept = new LinkedHashMap<>();
    reads.forEach((path, body) -> kept.put(path, body.replace("\\u0000", "\uFFFD")));
    return kept;
  }

  private static JsonObject ok(SpoorClient client, String path) {
    SpoorClient.Answer answer = client.get(path);
    assertEquals(200, answer.status(), path + ": " + answer.body());
    return answer.json();
  }

  private static long maxContactId(Map<String, String> reads) {
    return new JsonObject(reads.values().iterator().next()).getJsonArray("results").stream()
        .map(JsonObject.class::cast).mapToLong(c -> Long.parseLong(c.getString("id"))).max().orElseThrow();
  }

  private static void segment(SpoorClient client, String writeKey, String path, JsonObject message) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(client.base() + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((writeKey + ":")
            .getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(message.encode())).build();
    assertEquals(200, send(request).statusCode(), path);
  }

  private static HttpResponse<String> signIn(RunningSpoor server, String email, String password) {
    return send(HttpRequest.newBuilder(URI.create(server.client().base() + "/dashboard/api/sign-in"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(new JsonObject()
            .put("email", email).put("password", password).encode())).build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private int migrate(Path data, boolean force) {
    return new StoreMigration(data, target, force, print(out), progress()).run();
  }

  private Progress progress() {
    return new Progress(print(err), false, System::nanoTime);
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private static long rows(String url, String table) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
