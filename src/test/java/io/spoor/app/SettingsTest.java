package io.spoor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {
  private static final Map<String, String> NONE = Map.of();

  private static boolean anyStartsWith(List<String> problems, String key) {
    return problems.stream().anyMatch(p -> p.startsWith(key + ":"));
  }

  @Test
  void everySettingHasItsDefaultWhenNothingIsGiven() {
    Settings settings = Settings.load(NONE, NONE);

    assertEquals(8080, settings.get(Settings.PORT));
    assertEquals("0.0.0.0", settings.get(Settings.HOST));
    assertEquals("./spoor-data", settings.get(Settings.DATA));
    assertEquals(1L, settings.get(Settings.PORTAL_ID));
    assertEquals(20_000, settings.get(Settings.QUEUE_CAPACITY));
    assertEquals(20_000, settings.get(Settings.MAX_BATCH));
    assertEquals(50_000, settings.get(Settings.MAX_BACKLOG));
    assertEquals(1_000, settings.get(Settings.MAX_WAIT_MS));
    assertEquals(10_000, settings.get(Settings.REJECTIONS_KEPT));
    assertEquals(Path.of("./spoor-data"), settings.dataDir());
  }

  @Test
  void settingsWithoutDefaultAreAbsent() {
    Settings settings = Settings.load(NONE, NONE);

    assertEquals(Optional.empty(), settings.find(Settings.PUBLIC_URL));
    assertEquals(Optional.empty(), settings.find(Settings.BOOTSTRAP_TOKEN));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> settings.get(Settings.PUBLIC_URL));
    assertTrue(e.getMessage().contains("public-url"), e.getMessage());
  }

  @Test
  void flagBeatsEnvironment() {
    Settings settings = Settings.load(Map.of("port", "9000"), Map.of("SPOOR_PORT", "7000"));

    assertEquals(9000, settings.get(Settings.PORT));
  }

  @Test
  void environmentIsUsedWhenThereIsNoFlag() {
    Settings settings = Settings.load(NONE, Map.of("SPOOR_PORT", "7000",
        "SPOOR_PUBLIC_URL", "https://t.example.com", "SPOOR_QUEUE_CAPACITY", "5"));

    assertEquals(7000, settings.get(Settings.PORT));
    assertEquals("https://t.example.com", settings.get(Settings.PUBLIC_URL));
    assertEquals(5, settings.get(Settings.QUEUE_CAPACITY));
  }

  @Test
  void environmentVariablesWithoutTheSpoorPrefixAreIgnored() {
    Settings settings = Settings.load(NONE, Map.of("PORT", "7000", "port", "7001"));

    assertEquals(8080, settings.get(Settings.PORT));
  }

  @Test
  void valuesAreTrimmed() {
    Settings settings = Settings.load(Map.of("port", " 81 ", "host", " 127.0.0.1 "), NONE);

    assertEquals(81, settings.get(Settings.PORT));
    assertEquals("127.0.0.1", settings.get(Settings.HOST));
  }

  @Test
  void flagAndEnvironmentNamesFollowTheSettingName() {
    assertEquals("--max-batch", Settings.MAX_BATCH.flag());
    assertEquals("SPOOR_MAX_BATCH", Settings.MAX_BATCH.env());
    assertEquals("SPOOR_BOOTSTRAP_TOKEN", Settings.BOOTSTRAP_TOKEN.env());
  }

  @Test
  void everyBadKeyIsNamedAtOnce() {
    SettingsException e = assertThrows(SettingsException.class, () -> Settings.load(
        Map.of("port", "abc", "colour", "blue"), Map.of("SPOOR_MAX_BATCH", "0")));

    List<String> problems = e.problems();
    assertEquals(3, problems.size(), problems.toString());
    assertTrue(anyStartsWith(problems, "--port"), problems.toString());
    assertTrue(anyStartsWith(problems, "SPOOR_MAX_BATCH"), problems.toString());
    assertTrue(anyStartsWith(problems, "--colour"), problems.toString());
    for (String key : List.of("--port", "SPOOR_MAX_BATCH", "--colour")) {
      assertTrue(e.getMessage().contains(key), e.getMessage());
    }
  }

  @Test
  void badValueOfAnOrdinarySettingIsShownWithWhatWasExpected() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> Settings.load(Map.of("port", "abc"), NONE));

    assertEquals(List.of("--port: expected a whole number from 0 to 65535, got \"abc\""), e.problems());
  }

  @Test
  void aStoreThatIsNotAPostgresUrlIsRefusedWithoutEchoingWhatMayBeAPassword() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> Settings.load(Map.of(), Map.of("SPOOR_STORE", "mysql://db/spoor?password=hunter2")));

    assertEquals(1, e.problems().size());
    assertTrue(e.problems().get(0).startsWith("SPOOR_STORE: expected a PostgreSQL URL"), e.problems().toString());
    assertFalse(e.problems().get(0).contains("hunter2"), e.problems().toString());
  }

  @Test
  void withoutAStoreTheEmbeddedOneIsUsedAndAPostgresUrlIsTaken() {
    assertTrue(Settings.load(Map.of(), NONE).find(Settings.STORE).isEmpty());
    assertEquals("jdbc:postgresql://db:5432/spoor?user=spoor",
        Settings.load(Map.of("store", "jdbc:postgresql://db:5432/spoor?user=spoor"), NONE).get(Settings.STORE));
  }

  @Test
  void badFlagIsNamedByItsFlagEvenWhenTheEnvironmentIsGood() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> Settings.load(Map.of("port", "abc"), Map.of("SPOOR_PORT", "7000")));

    assertEquals(1, e.problems().size());
    assertTrue(anyStartsWith(e.problems(), "--port"), e.problems().toString());
  }

  @Test
  void numbersOutsideTheirRangeAreRefused() {
    assertThrows(SettingsException.class, () -> Settings.load(Map.of("port", "65536"), NONE));
    assertThrows(SettingsException.class, () -> Settings.load(Map.of("port", "-1"), NONE));
    assertThrows(SettingsException.class, () -> Settings.load(Map.of("rejections-kept", "9"), NONE));
    assertThrows(SettingsException.class, () -> Settings.load(Map.of("portal-id", "0"), NONE));
    assertThrows(SettingsException.class, () -> Settings.load(Map.of("portal-id", "-5"), NONE));
    assertEquals(0, Settings.load(Map.of("port", "0"), NONE).get(Settings.PORT));
    assertEquals(65535, Settings.load(Map.of("port", "65535"), NONE).get(Settings.PORT));
  }

  @Test
  void blankTextIsRefused() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> Settings.load(Map.of("host", "  "), NONE));

    assertTrue(anyStartsWith(e.problems(), "--host"), e.problems().toString());
  }

  @Test
  void secretLongEnoughIsAccepted() {
    String token = "0123456789abcdef";

    assertEquals(token, Settings.load(Map.of("bootstrap-token", token), NONE).get(Settings.BOOTSTRAP_TOKEN));
    assertEquals(token, Settings.load(NONE, Map.of("SPOOR_BOOTSTRAP_TOKEN", token))
        .get(Settings.BOOTSTRAP_TOKEN));
  }

  @Test
  void tooShortSecretFlagIsNamedButItsValueIsNeverEchoed() {
    String secret = "hunter2-secret";

    SettingsException e = assertThrows(SettingsException.class,
        () -> Settings.load(Map.of("bootstrap-token", secret), NONE));

    assertTrue(anyStartsWith(e.problems(), "--bootstrap-token"), e.problems().toString());
    assertFalse(e.getMessage().contains(secret), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    assertTrue(e.problems().stream().noneMatch(p -> p.contains("hunter2")), e.problems().toString());
  }

  @Test
  void tooShortSecretFromTheEnvironmentIsNamedButItsValueIsNeverEchoed() {
    String secret = "short-s3cr3t";

    SettingsException e = assertThrows(SettingsException.class,
        () -> Settings.load(NONE, Map.of("SPOOR_BOOTSTRAP_TOKEN", secret)));

    assertTrue(anyStartsWith(e.problems(), "SPOOR_BOOTSTRAP_TOKEN"), e.problems().toString());
    assertFalse(e.getMessage().contains(secret), e.getMessage());
  }

  @Test
  void unknownFlagIsNamedWithoutItsValue() {
    String secret = "misspelt-flag-carrying-a-secret";

    SettingsException e = assertThrows(SettingsException.class,
        () -> Settings.load(Map.of("bootstrap_token", secret), NONE));

    assertEquals(List.of("--bootstrap_token: no such setting"), e.problems());
    assertFalse(e.getMessage().contains(secret), e.getMessage());
  }

  @Test
  void helpListsEveryFlagAndEnvironmentVariable() {
    String help = Settings.help();

    assertEquals(59, Settings.ALL.size());
    for (Setting<?> setting : Settings.ALL) {
      assertTrue(help.contains(setting.flag() + " "), setting.flag());
      assertTrue(help.contains(setting.env() + " "), setting.env());
      assertTrue(help.contains(setting.doc()), setting.doc());
    }
    for (String name : List.of("--port", "SPOOR_PORT", "--host", "SPOOR_HOST", "--data", "SPOOR_DATA",
        "--portal-id", "SPOOR_PORTAL_ID", "--public-url", "SPOOR_PUBLIC_URL", "--bootstrap-token",
        "SPOOR_BOOTSTRAP_TOKEN", "--queue-capacity", "SPOOR_QUEUE_CAPACITY", "--max-batch",
        "SPOOR_MAX_BATCH", "--rejections-kept", "SPOOR_REJECTIONS_KEPT", "--log-segment-max-age-minutes",
        "SPOOR_LOG_SEGMENT_MAX_AGE_MINUTES", "--segment-max-message-bytes", "SPOOR_SEGMENT_MAX_REQUEST_BYTES",
        "--segment-max-batch-messages", "--report-rollups", "SPOOR_REPORT_ROLLUPS")) {
      assertTrue(help.contains(name), name);
    }
  }

  @Test
  void helpStartsEveryVariableAndEveryDocInOneColumn() {
    List<String> rows = Settings.help().lines().toList();

    assertEquals(Settings.ALL.size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Setting<?> setting = Settings.ALL.get(i);
      assertEquals(rows.get(0).indexOf(Settings.ALL.get(0).env()), rows.get(i).indexOf(setting.env()), rows.get(i));
      assertEquals(rows.get(0).indexOf(Settings.ALL.get(0).doc()), rows.get(i).indexOf(setting.doc()), rows.get(i));
    }
  }

  @Test
  void helpShowsDefaults() {
    String help = Settings.help();

    assertTrue(help.contains("(default 8080)"), help);
    assertTrue(help.contains("(default 20000)"), help);
  }

  @Test
  void aBootstrapValueNeedsSixteenCharactersWithEightDifferentOnes() {
    for (String weak : List.of("aaaaaaaaaaaaaaaa", "abababababababababab", "abcdefgabcdefgabcdefg", "short-varied")) {
      SettingsException e = assertThrows(SettingsException.class,
          () -> Settings.load(Map.of("bootstrap-token", weak), NONE), weak);
      assertFalse(e.getMessage().contains(weak), "the refusal repeats the value");
    }
    assertEquals("0f3a9c27e4b1d685", Settings.load(Map.of("bootstrap-token", "0f3a9c27e4b1d685"), NONE)
        .get(Settings.BOOTSTRAP_TOKEN));
  }

  @Test
  void thePublicUrlMustBeAnHttpOrHttpsUrlAndLosesItsTrailingSlash() {
    for (String bad : List.of("track.example.com", "ftp://x.example.com", "https://", "https://x.example.com/?a=1")) {
      assertThrows(SettingsException.class, () -> Settings.load(Map.of("public-url", bad), NONE), bad);
    }
    assertEquals("https://t.example.com/spoor", Settings.load(Map.of("public-url", "https://t.example.com/spoor/"),
        NONE).get(Settings.PUBLIC_URL));
  }

  @Test
  void tlsNeedsBothACertificateAndAKeyThatExist() throws Exception {
    Path cert = java.nio.file.Files.createTempFile("spoor-cert", ".pem");
    SettingsException one = assertThrows(SettingsException.class,
        () -> Settings.load(Map.of("tls-cert", cert.toString()), NONE));
    assertTrue(one.getMessage().contains("--tls-key"), one.getMessage());
    assertThrows(SettingsException.class, () -> Settings.load(Map.of("tls-cert", cert.toString(),
        "tls-key", cert.resolveSibling("no-such-key.pem").toString()), NONE));
    assertEquals(cert, Settings.load(Map.of("tls-cert", cert.toString(), "tls-key", cert.toString()), NONE)
        .get(Settings.TLS_CERT));
  }

  @Test
  void theIngestLogIsLocalUnlessAKafkaAddressIsGiven() {
    assertEquals(Optional.empty(), Settings.load(NONE, NONE).kafka());
    assertEquals(ServerRole.ALL, Settings.load(NONE, NONE).role());

    Settings kafka = Settings.load(Map.of("log", "kafka://k1:9092,k2:9093/spoor-hits", "role", "collector"), NONE);

    assertEquals(Optional.of(new io.spoor.kafka.KafkaAddress("k1:9092,k2:9093", "spoor-hits")), kafka.kafka());
    assertEquals(ServerRole.COLLECTOR, kafka.role());
  }

  @Test
  void aKafkaAddressWithoutBrokersOrTopicIsRefused() {
    for (String bad : List.of("kafka://k1:9092", "kafka:///hits", "kafka://k1/hits", "kafka://k1:9092/", "files")) {
      SettingsException e = assertThrows(SettingsException.class, () -> Settings.load(Map.of("log", bad), NONE));

      assertEquals(List.of("--log: expected local or kafka://host:port[,host:port]/topic, got \"" + bad + "\""),
          e.problems(), bad);
    }
  }

  @Test
  void aRoleOtherThanAllNeedsTheKafkaLog() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> Settings.load(NONE, Map.of("SPOOR_ROLE", "collector")));

    assertEquals(1, e.problems().size());
    assertTrue(e.problems().get(0).startsWith("--role collector needs --log kafka://"), e.problems().toString());
    assertThrows(SettingsException.class, () -> Settings.load(Map.of("role", "leader"), NONE));
  }
}
