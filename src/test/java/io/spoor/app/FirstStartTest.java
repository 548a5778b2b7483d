package io.spoor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.http.Scope;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The first start makes the default portal and shows its token once; the bootstrap token works. */
class FirstStartTest {
  private static Settings settings(Path data, Map<String, String> more) {
    Map<String, String> flags = new java.util.HashMap<>(Map.of("port", "0", "host", "127.0.0.1",
        "data", data.toString(), "portal-id", "42"));
    flags.putAll(more);
    return Settings.load(flags, Map.of());
  }

  @Test
  void theFirstStartIssuesAnAllScopeTokenOnceAndLaterStartsDoNot() throws Exception {
    Path data = Files.createTempDirectory("spoor-first");
    String value;
    try (Spoor first = Spoor.start(settings(data, Map.of()), Clock.systemUTC())) {
      assertTrue(first.firstStartToken().isPresent());
      value = first.firstStartToken().get().value();
      assertTrue(value.startsWith("pat-na1-"));
      assertEquals(Scope.all(), first.portals().authenticate(value).orElseThrow().token().scopes());
      assertEquals(42, first.portals().authenticate(value).orElseThrow().token().portalId());
    }
    try (Spoor second = Spoor.start(settings(data, Map.of()), Clock.systemUTC())) {
      assertFalse(second.firstStartToken().isPresent());
      assertTrue(second.portals().authenticate(value).isPresent());
    }
  }

  @Test
  void theAnnouncementShowsTheTokenAndTheEmbedSnippet() throws Exception {
    Path data = Files.createTempDirectory("spoor-first");
    try (Spoor spoor = Spoor.start(settings(data, Map.of()), Clock.systemUTC())) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      FirstStart.announce(new PrintStream(out, true, StandardCharsets.UTF_8), spoor.firstStartToken().orElseThrow(),
          42, "https://track.example.com");
      String text = out.toString(StandardCharsets.UTF_8);
      assertTrue(text.contains(spoor.firstStartToken().get().value()));
      assertTrue(text.contains("<script type=\"text/javascript\" id=\"hs-script-loader\" async defer "
          + "src=\"//track.example.com/42.js\"></script>"), text);
    }
  }

  @Test
  void theBootstrapTokenIsAnAllScopeTokenOfTheDefaultPortalAndCanChange() throws Exception {
    Path data = Files.createTempDirectory("spoor-first");
    try (Spoor spoor = Spoor.start(settings(data, Map.of("bootstrap-token", "first-bootstrap-value-123")),
        Clock.systemUTC())) {
      assertEquals(Scope.all(), spoor.portals().authenticate("first-bootstrap-value-123").orElseThrow().token().scopes());
    }
    try (Spoor spoor = Spoor.start(settings(data, Map.of("bootstrap-token", "second-bootstrap-value-456")),
        Clock.systemUTC())) {
      assertTrue(spoor.portals().authenticate("second-bootstrap-value-456").isPresent());
      assertFalse(spoor.portals().authenticate("first-bootstrap-value-123").isPresent());
    }
  }

  @Test
  void aRevokedBootstrapTokenIsIgnoredWithAWarningThatShowsNeitherValueNorHash() throws Exception {
    Path data = Files.createTempDirectory("spoor-first");
    String value = "revoked-bootstrap-value-7f3e";
    try (Spoor spoor = Spoor.start(settings(data, Map.of("bootstrap-token", value)), Clock.systemUTC())) {
      long id = spoor.portals().tokens(42).stream().filter(t -> t.name().equals("bootstrap")).findFirst()
          .orElseThrow().id();
      assertTrue(spoor.portals().revoke(42, id));
    }
    ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
        org.slf4j.Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
        new ch.qos.logback.core.read.ListAppender<>();
    logged.start();
    root.addAppender(logged);
    try (Spoor spoor = Spoor.start(settings(data, Map.of("bootstrap-token", value)), Clock.systemUTC())) {
      assertFalse(spoor.portals().authenticate(value).isPresent());
    } finally {
      root.detachAppender(logged);
    }
    String hash = io.spoor.portal.TokenSecrets.hash(value);
    List<String> lines = logged.list.stream().map(e -> e.getFormattedMessage()
        + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage())).toList();
    assertTrue(lines.stream().anyMatch(l -> l.contains("bootstrap token") && l.contains("revoked")
        && l.contains("ignored")), lines.toString());
    assertTrue(lines.stream().noneMatch(l -> l.contains(value) || l.contains(hash)), lines.toString());
  }
}
