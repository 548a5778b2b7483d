package io.spoor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The command line against a real data directory. */
class CliTest {
  private Path data;
  private ByteArrayOutputStream out;
  private ByteArrayOutputStream err;

  @BeforeEach
  void freshDataDirectory() throws Exception {
    data = Files.createTempDirectory("spoor-cli");
  }

  private int run(String... args) {
    return runWithInput("", args);
  }

  private int runWithInput(String stdin, String... args) {
    out = new ByteArrayOutputStream();
    err = new ByteArrayOutputStream();
    String[] withData = new String[args.length + 2];
    System.arraycopy(args, 0, withData, 0, args.length);
    withData[args.length] = "--data";
    withData[args.length + 1] = data.toString();
    return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Clock.systemUTC(), settings -> {
          throw new IllegalStateException("not serving");
        }, code -> { }, new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))).run(withData);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpListsCommandsAndEverySetting() {
    assertEquals(0, run("--help"));
    for (Setting<?> setting : Settings.ALL) {
      assertTrue(out().contains(setting.flag()) && out().contains(setting.env()), setting.name());
    }
    assertTrue(out().contains("token revoke"));
  }

  @Test
  void migrateTakesAPostgresqlTargetAndSaysWhatIsMissing() {
    assertEquals(2, run("migrate", "--from", data.toString(), "--to", "jdbc:mysql://db.example/spoor"));
    String said = err.toString(StandardCharsets.UTF_8);
    assertTrue(said.startsWith("spoor: --to must be a PostgreSQL JDBC URL"), said);
    assertEquals(2, run("migrate", "--to", "jdbc:postgresql://db.example/spoor"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--from is required"), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void portalsAreCreatedListedAndSwitched() {
    assertEquals(0, run("portal", "create", "--hub-id", "77", "--name", "Shop"));
    assertEquals(0, run("portal", "list"));
    assertTrue(out().contains("77\tShop\tcustom events on"), out());
    assertEquals(0, run("portal", "update", "--hub-id", "77", "--custom-events", "off"));
    assertTrue(out().contains("custom events off"));
    assertEquals(2, run("portal", "create", "--hub-id", "77"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("already exists"));
  }

  @Test
  void tokensAreIssuedOnceListedByHintAndRevoked() {
    run("portal", "create", "--hub-id", "5");
    assertEquals(0, run("token", "create", "--hub-id", "5", "--name", "ci",
        "--scopes", "crm.objects.contacts.read"));
    String value = out().lines().filter(l -> l.startsWith("pat-na1-")).findFirst().orElseThrow();
    assertEquals(0, run("token", "list", "--hub-id", "5"));
    assertFalse(out().contains(value), "a listing must never show the token");
    assertTrue(out().contains("ci\t…" + value.substring(value.length() - 4) + "\tactive"), out());
    String id = out().split("\t")[0].trim();
    assertEquals(0, run("token", "revoke", "--hub-id", "5", "--id", id));
    run("token", "list", "--hub-id", "5");
    assertTrue(out().contains("revoked"));
  }

  @Test
  void writeKeysAreCreatedOnceListedByHintAndRevoked() {
    run("portal", "create", "--hub-id", "8");
    assertEquals(0, run("write-key", "create", "--hub-id", "8", "--name", "web"));
    String value = out().lines().filter(l -> l.matches("[A-Za-z0-9]{32}")).findFirst().orElseThrow();
    assertEquals(0, run("write-key", "list", "--hub-id", "8"));
    assertFalse(out().contains(value), "a listing must never show the key");
    assertTrue(out().contains("web\t…" + value.substring(value.length() - 4) + "\tactive"), out());
    String id = out().split("\t")[0].trim();
    assertEquals(0, run("write-key", "revoke", "--hub-id", "8", "--id", id));
    run("write-key", "list", "--hub-id", "8");
    assertTrue(out().contains("revoked"));
    assertEquals(2, run("write-key", "create", "--hub-id", "9", "--name", "web"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("No portal with hub id 9"));
  }

  @Test
  void namesAreListedWithoutTerminalControlCharacters() {
    run("portal", "create", "--hub-id", "6", "--name", "Shop\u001b]0;owned\u0007");
    assertEquals(0, run("token", "create", "--hub-id", "6", "--name", "ci\u001b[2J\tfake\u202e\n1\tx"));
    assertEquals(0, run("token", "list", "--hub-id", "6"));
    assertTrue(out().contains("ci\\u001b[2J\\u0009fake\\u202e\\u000a1\\u0009x\t…"), out());
    assertEquals(1, out().lines().count(), out());
    assertEquals(0, run("portal", "list"));
    assertTrue(out().contains("Shop\\u001b]0;owned\\u0007\t"), out());
    assertFalse(out().chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == 0x202e), out());
  }

  @Test
  void badSettingsAndUsageAreNamed() {
    assertEquals(2, run("serve", "--port", "seventy", "--colour", "blue"));
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.contains("--port") && message.contains("--colour"), message);
    assertEquals(2, run("token", "create", "--hub-id", "5"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--name is required"));
    assertEquals(2, run("frobnicate"));
  }

  @Test
  void processServesInTheProcessRoleOnTheKafkaLogOnly() {
    java.util.concurrent.atomic.AtomicReference<Settings> started = new java.util.concurrent.atomic.AtomicReference<>();
    Cli cli = new Cli(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of(), Clock.systemUTC(),
        settings -> {
          started.set(settings);
          throw new UsageException("started");
        }, code -> { });

    assertEquals(2, cli.run(new String[] {"process", "--log", "kafka://k1:9092/hits", "--data", data.toString()}));
    assertEquals(ServerRole.PROCESS, started.get().role());

    assertEquals(2, run("process"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--role process needs --log kafka://"));
    assertEquals(2, run("process", "--role", "api", "--log", "kafka://k1:9092/hits"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("process takes no --role"));
  }

  @Test
  void userCreateReadsThePasswordFromStandardInput() {
    run("portal", "create", "--hub-id", "3");
    assertEquals(0, runWithInput("piped in password\n", "user", "create", "--hub-id", "3", "--email", "ops@example.com",
        "--role", "viewer", "--password-stdin"), err.toString(StandardCharsets.UTF_8));
    assertFalse(out().contains("piped in password"));
    assertTrue(canSignIn("ops@example.com", "piped in password"));
    assertEquals(2, runWithInput("piped in password\n", "user", "create", "--hub-id", "3", "--email", "OPS@example.com",
        "--role", "viewer", "--password-stdin"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("already exists"));
  }

  @Test
  void userCreateWithoutATerminalPrintsAOneTimePassword() {
    run("portal", "create", "--hub-id", "3");
    assertEquals(0, run("user", "create", "--hub-id", "3", "--email", "boss@example.com", "--role", "admin"));
    List<String> lines = out().lines().toList();
    assertTrue(lines.get(lines.size() - 2).contains("one-time password"), out());
    String password = lines.get(lines.size() - 1);
    assertEquals(20, password.length());
    assertTrue(canSignIn("boss@example.com", password));
    assertEquals(2, run("user", "create", "--hub-id", "3", "--email", "x@example.com", "--role", "owner"));
  }

  @Test
  void aOneTimePasswordMustBeChangedAtFirstSignIn() {
    run("portal", "create", "--hub-id", "3");
    assertEquals(0, run("user", "create", "--hub-id", "3", "--email", "boss@example.com", "--role", "admin"));
    List<String> lines = out().lines().toList();
    assertTrue(lines.get(lines.size() - 2).contains("must be changed at first sign-in"), out());
    String answer = signIn("boss@example.com", lines.get(lines.size() - 1)).body();
    assertTrue(new io.vertx.core.json.JsonObject(answer).getBoolean("mustChangePassword"), answer);
  }

  @Test
  void usersAreListedAndRemovedButNeverThePortalsLastAdmin() {
    run("portal", "create", "--hub-id", "3");
    run("user", "create", "--hub-id", "3", "--email", "boss@example.com", "--role", "admin");
    run("user", "create", "--hub-id", "3", "--email", "ana@example.com", "--role", "viewer");
    assertEquals(0, run("user", "list", "--hub-id", "3"));
    assertEquals(List.of("ana@example.com\tviewer", "boss@example.com\tadmin"),
        out().lines().map(l -> l.split("\t", 2)[1]).toList());

    assertEquals(2, run("user", "remove", "--hub-id", "3", "--email", "boss@example.com"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("last admin"), err.toString(StandardCharsets.UTF_8));
    assertEquals(0, run("user", "remove", "--hub-id", "3", "--email", "ANA@example.com"));
    run("user", "list", "--hub-id", "3");
    assertEquals(1, out().lines().count(), out());
    assertEquals(2, run("user", "remove", "--hub-id", "3", "--email", "ana@example.com"));
  }

  /** Signs in through a real server on the same data directory. */
  private boolean canSignIn(String email, String password) {
    return signIn(email, password).statusCode() == 200;
  }

  private HttpResponse<String> signIn(String email, String password) {
    try (Spoor spoor = Spoor.start(Settings.load(Map.of("port", "0", "host", "127.0.0.1", "data", data.toString()),
        Map.of()), Clock.systemUTC())) {
      HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + spoor.port() + "/dashboard/api/sign-in"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(new io.vertx.core.json.JsonObject().put("email", email)
              .put("password", password).encode())).build(), HttpResponse.BodyHandlers.ofString());
      return answer;
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
