package io.spoor.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input on the Events HTTP API: each gets its documented answer and loses nothing accepted. */
class EventsApiBadInputTest {
  private static RunningSpoor server;
  private static SpoorClient client;

  @BeforeAll
  static void start() {
    server = RunningSpoor.start();
    client = server.client();
    client.event("_a=1&_n=baseline&email=keeper@example.com&_m=10&firstname=Kept");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"_n=x", "_a=1", "_a=1&_n=", "_a=abc&_n=x", "_a=1.5&_n=x", "_a=-1&_n=x", ""})
  void missingOrNonNumericHubIdOrEventIsA400WithAPlainReason(String query) {
    HttpResponse<byte[]> answer = client.raw("/v1/event?" + query, Map.of());
    assertEquals(400, answer.statusCode());
    JsonObject body = new JsonObject(new String(answer.body()));
    assertEquals("VALIDATION_ERROR", body.getString("category"));
    assertTrue(body.getString("message").contains("_a"), body.getString("message"));
  }

  @Test
  void oversizedUrlIs414() {
    HttpResponse<byte[]> answer = client.raw("/v1/event?_a=1&_n=big&email=big@example.com&message="
        + "x".repeat(20_000), Map.of());
    assertEquals(414, answer.statusCode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"%zz", "%4", "%ff", "%c3%28", "%ed%a0%80"})
  void undecodableParameterIsRejectedAndTheRestApplied(String bad) {
    String email = "enc" + Math.abs(bad.hashCode()) + "@example.com";
    client.event("_a=1&_n=encoding&email=" + email + "&firstname=" + bad + "&lastname=Fine");
    JsonObject p = EventsApiTestAccess.contact(client, email, "firstname", "lastname");
    assertEquals("Fine", p.getString("lastname"));
    assertEquals(null, p.getString("firstname"));
    assertEquals(1, rejectionsOf(email, "MALFORMED_PARAMETER").size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "1e400", "-5", "NaN", "Infinity", "1e13", "0x10"})
  void unusableRevenueIsRejectedAndTheEventCountedWithout(String revenue) {
    String email = "rev" + Math.abs(revenue.hashCode()) + "@example.com";
    client.event("_a=1&_n=bad_revenue&email=" + email + "&_m=" + revenue);
    JsonObject p = EventsApiTestAccess.contact(client, email, "hs_analytics_revenue",
        "hs_analytics_num_event_completions");
    assertEquals("0", p.getString("hs_analytics_revenue"));
    assertEquals("1", p.getString("hs_analytics_num_event_completions"));
    assertEquals(1, rejectionsOf(email, "INVALID_REVENUE").size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-an-email", "a@b", "@example.com", "a b@example.com", "a..b@example.com",
      "x@example..com", "<script>@example.com", "a'--@example.com;DROP"})
  void invalidEmailIsRejectedWholeAndCreatesNoContact(String email) {
    String encoded = java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8);
    client.event("_a=1&_n=bad_email&email=" + encoded);
    assertTrue(rejectionsOf(encoded, "INVALID_EMAIL").size() >= 1);
    assertEquals(404, client.get("/crm/v3/objects/contacts/" + encoded + "?idProperty=email").status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"FirstName", "first-name", "first%20name", "%C3%A9t%C3%A9", "a;drop"})
  void propertyNamesOutsideLowercaseLettersDigitsAndUnderscoreAreRejected(String name) {
    String email = "pn" + Math.abs(name.hashCode()) + "@example.com";
    client.event("_a=1&_n=bad_name&email=" + email + "&" + name + "=v");
    assertEquals(1, rejectionsOf(email, "INVALID_PROPERTY_NAME").size());
  }

  @Test
  void scriptAndSqlFragmentsAreStoredAsPlainText() {
    String payload = "Robert'); DROP TABLE crm_object;--<script>alert(1)</script>";
    String encoded = java.net.URLEncoder.encode(payload, java.nio.charset.StandardCharsets.UTF_8);
    client.event("_a=1&_n=" + encoded + "&email=bobby@example.com&firstname=" + encoded);
    assertEquals(payload, EventsApiTestAccess.contact(client, "bobby@example.com", "firstname")
        .getString("firstname"));
    assertEquals("Kept", EventsApiTestAccess.contact(client, "keeper@example.com", "firstname")
        .getString("firstname"));
    assertTrue(client.get("/api/v1/event-definitions").body().contains("DROP TABLE"));
  }

  @Test
  void aCredentialInTheUrlIsNeverKeptWithARejection() {
    client.event("_a=1&_n=leaky&email=leaky@example.com&hapikey=pat-na1-11111111-2222-3333-4444-555555555555"
        + "&nonsense_property=1");
    List<JsonObject> kept = rejectionsOf("leaky@example.com", "UNKNOWN_PROPERTY");
    assertEquals(1, kept.size());
    assertFalse(kept.get(0).getString("params").contains("pat-na1-11111111"), kept.get(0).getString("params"));
    assertTrue(kept.get(0).getString("params").contains("hapikey=[redacted]"));
  }

  @Test
  void unknownPortalIsCountedInMetricsOnly() {
    client.event("_a=987654&_n=elsewhere&email=nobody@example.com");
    String metrics = new String(client.raw("/metrics", Map.of()).body());
    assertTrue(metrics.contains("spoor_rejections_total{reason=\"UNKNOWN_PORTAL\"} 1"), metrics);
    assertTrue(EventsApiTestAccess.rejections(client).stream()
        .noneMatch(r -> r.getString("params").contains("987654")));
  }

  @Test
  void acceptedDataSurvivesAllTheBadInput() {
    JsonObject p = EventsApiTestAccess.contact(client, "keeper@example.com", "firstname", "hs_analytics_revenue");
    assertEquals("Kept", p.getString("firstname"));
    assertEquals("10", p.getString("hs_analytics_revenue"));
    assertFalse(EventsApiTestAccess.rejections(client).isEmpty());
  }

  private static List<JsonObject> rejectionsOf(String marker, String reason) {
    return EventsApiTestAccess.rejections(client).stream()
        .filter(r -> r.getString("reason").equals(reason) && r.getString("params").contains(marker))
        .collect(Collectors.toList());
  }
}
