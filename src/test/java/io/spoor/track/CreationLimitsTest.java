package io.spoor.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.http.Scope;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.ShiftedClock;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the unauthenticated endpoints may create per portal (dynamic event definitions, contacts,
 * visitors), with small limits set; a refused hit is kept as a rejection and counted.
 */
class CreationLimitsTest {
  private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
      + "(KHTML, like Gecko) Chrome/126.0 Safari/537.36";

  private final ShiftedClock clock = ShiftedClock.atStartOfAMinute();
  private RunningSpoor server;
  private SpoorClient client;

  private void start(Map<String, String> flags) {
    server = RunningSpoor.start(flags, clock);
    client = server.client();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void dynamicEventDefinitionsStopAtThePortalsTotalUntilOneIsDeleted() {
    start(Map.of("dynamic-event-definitions-max", "3"));
    for (String name : List.of("first", "second", "third", "fourth")) {
      client.event("_a=1&_n=" + name + "&email=ada@example.com");
    }
    assertEquals(List.of("first", "second", "third"), definitionNames());
    JsonObject refused = only(rejections("EVENT_DEFINITION_LIMIT"));
    assertTrue(refused.getString("params").contains("fourth"), refused.encode());
    assertTrue(refused.getString("detail").contains("dynamic-event-definitions-max"), refused.encode());
    assertEquals("NOT_APPLIED", refused.getString("outcome"));
    assertTrue(metrics().contains("spoor_rejections_total{reason=\"EVENT_DEFINITION_LIMIT\"} 1"));

    client.event("_a=1&_n=first&email=ada@example.com");
    assertEquals(2, completions("first"));
    String firstId = definitions().stream().filter(d -> d.getString("name").equals("first"))
        .findFirst().orElseThrow().getString("id");
    assertEquals(204, client.delete("/api/v1/event-definitions/" + firstId).status());
    client.event("_a=1&_n=fourth&email=ada@example.com");
    assertEquals(List.of("second", "third", "fourth"), definitionNames());
  }

  @Test
  void dynamicEventDefinitionsPerMinuteAreCountedPerPortalAndStartAgainNextMinute() {
    start(Map.of("dynamic-event-definitions-per-minute", "2"));
    SpoorClient second = server.newPortal(2, Scope.all());
    client.event("_a=1&_n=one");
    tracked("/__ptq.gif?k=3&a=1&vi=" + utk(1) + "&n=two");
    client.event("_a=1&_n=three");
    client.event("_a=2&_n=elsewhere");
    assertEquals(List.of("one", "two"), definitionNames());
    assertTrue(only(rejections("EVENT_DEFINITION_LIMIT")).getString("detail")
        .contains("dynamic-event-definitions-per-minute"));
    assertEquals(1, second.get("/api/v1/event-definitions").json().getJsonArray("results").size());

    clock.advance(Duration.ofMinutes(1));
    client.event("_a=1&_n=three");
    assertEquals(List.of("one", "two", "three"), definitionNames());
  }

  @Test
  void newContactsPerMinuteRefuseTheHitButKnownContactsStillCount() {
    start(Map.of("new-contacts-per-minute", "2"));
    client.event("_a=1&_n=signup&email=one@example.com");
    client.event("_a=1&_n=signup&email=two@example.com");
    client.event("_a=1&_n=signup&email=three@example.com&firstname=Three");
    client.event("_a=1&_n=signup&email=one@example.com");
    String utk = utk(7);
    tracked("/__ptq.gif?k=1&a=1&vi=" + utk + "&pu=" + enc("https://site.example/") + "&i="
        + enc("email=" + enc("four@example.com")));

    assertEquals(404, contactStatus("three@example.com"));
    assertEquals(404, contactStatus("four@example.com"));
    assertEquals(3, completions("signup"));
    List<JsonObject> refused = rejections("CONTACT_CREATION_LIMIT");
    assertEquals(2, refused.size());
    assertEquals("NOT_APPLIED", refused.get(0).getString("outcome"));
    assertTrue(refused.get(0).getString("detail").contains("new-contacts-per-minute"));
    assertEquals("PARTIALLY_APPLIED", refused.get(1).getString("outcome"), "the page view still counts");
    assertEquals(1, visitor(utk).getLong("numPageViews"));
    assertTrue(metrics().contains("spoor_rejections_total{reason=\"CONTACT_CREATION_LIMIT\"} 2"));

    clock.advance(Duration.ofMinutes(1));
    client.event("_a=1&_n=signup&email=three@example.com");
    assertEquals(200, contactStatus("three@example.com"));
  }

  @Test
  void newVisitorsPerMinuteRefuseTheBeaconButKnownVisitorsStillCount() {
    start(Map.of("new-visitors-per-minute", "2"));
    tracked(pageView(utk(1)));
    tracked(pageView(utk(2)));
    tracked(pageView(utk(3)));
    tracked(pageView(utk(1)));
    tracked("/__ptq.gif?k=3&a=1&vi=" + utk(4) + "&n=clicked_anonymously");

    assertEquals(2, visitor(utk(1)).getLong("numPageViews"));
    assertEquals(1, completions("clicked_anonymously"), "an event makes no visitor: it is not limited");
    assertEquals(404, client.get("/api/v1/visitors/" + utk(3)).status());
    JsonObject refused = only(rejections("VISITOR_CREATION_LIMIT"));
    assertTrue(refused.getString("params").contains(utk(3)), refused.encode());
    assertTrue(refused.getString("detail").contains("new-visitors-per-minute"), refused.encode());
    assertTrue(metrics().contains("spoor_rejections_total{reason=\"VISITOR_CREATION_LIMIT\"} 1"));

    clock.advance(Duration.ofMinutes(1));
    tracked(pageView(utk(3)));
    assertEquals(1, visitor(utk(3)).getLong("numPageViews"));
  }

  private static String pageView(String utk) {
    return "/__ptq.gif?k=1&a=1&vi=" + utk + "&pu=" + enc("https://site.example/");
  }

  /** A beacon, applied before this returns. */
  private void tracked(String pathAndQuery) {
    assertEquals(200, client.raw(pathAndQuery, Map.of("User-Agent", BROWSER)).statusCode());
    server.awaitApplied();
  }

  private static String utk(int n) {
    return String.format("%032x", n);
  }

  private List<JsonObject> definitions() {
    return client.get("/api/v1/event-definitions?limit=100").json().getJsonArray("results").stream()
        .map(JsonObject.class::cast).collect(Collectors.toList());
  }

  private List<String> definitionNames() {
    return definitions().stream().map(d -> d.getString("name")).collect(Collectors.toList());
  }

  private long completions(String name) {
    return definitions().stream().filter(d -> d.getString("name").equals(name)).findFirst().orElseThrow()
        .getLong("completions");
  }

  /** Rejections with this reason, oldest first. */
  private List<JsonObject> rejections(String reason) {
    JsonArray results = client.get("/api/v1/rejections?limit=1000").json().getJsonArray("results");
    List<JsonObject> matching = results.stream().map(JsonObject.class::cast)
        .filter(r -> r.getString("reason").equals(reason)).collect(Collectors.toList());
    java.util.Collections.reverse(matching);
    return matching;
  }

  private static JsonObject only(List<JsonObject> list) {
    assertEquals(1, list.size(), list.toString());
    return list.get(0);
  }

  private int contactStatus(String email) {
    return client.get("/crm/v3/objects/contacts/" + enc(email) + "?idProperty=email").status();
  }

  private JsonObject visitor(String utk) {
    SpoorClient.Answer answer = client.get("/api/v1/visitors/" + utk);
    assertEquals(200, answer.status(), answer.body());
    return answer.json();
  }

  private String metrics() {
    return new String(client.raw("/metrics", Map.of()).body(), StandardCharsets.UTF_8);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
