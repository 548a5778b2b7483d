package io.spoor.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Hits of portal 1 for the CRM tests (tracking-code beacons and Events HTTP API calls, each
 * applied before the call returns), and a read-only look into the store for what the API no
 * longer shows (archived and erased contacts).
 */
public final class Tracking {
  private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
      + "(KHTML, like Gecko) Chrome/126.0 Safari/537.36";
  private static final String DOMAIN_HASH = "9267242";

  private final RunningSpoor server;
  private final SpoorClient client;

  public Tracking(RunningSpoor server) {
    this.server = server;
    this.client = server.client();
  }

  /** A fresh visitor token. */
  public static String utk() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return String.format("%016x%016x", r.nextLong(), r.nextLong());
  }

  /** A page view in the session started at {@code sessionStart}, identifying as {@code email} unless empty. */
  public void pageView(String utk, String url, long sessionStart, String email) {
    String query = "/__ptq.gif?k=1&a=1&v=1.1&vi=" + utk + "&pu=" + enc(url) + "&r=&t=Page&b=" + DOMAIN_HASH + ".1."
        + sessionStart + "&cts=" + sessionStart + (email.isEmpty() ? "" : "&i=" + enc("email=" + enc(email)));
    assertEquals(200, client.raw(query, Map.of("User-Agent", BROWSER)).statusCode());
  }

  /** A tracking-code event beacon ({@code trackEvent}) from the visitor. */
  public void trackEvent(String utk, String eventName) {
    assertEquals(200, client.raw("/__ptq.gif?k=3&a=1&vi=" + utk + "&n=" + enc(eventName), Map.of("User-Agent", BROWSER))
        .statusCode());
  }

  /** An Events HTTP API call with these parameters (portal 1 is added). */
  public void event(String params) {
    client.event("_a=1&" + params);
  }

  public JsonObject visitor(String utk) {
    SpoorClient.Answer answer = client.get("/api/v1/visitors/" + utk);
    assertEquals(200, answer.status(), answer.body());
    return answer.json();
  }

  /** The contact with this email, with these properties. */
  public JsonObject contact(String email, String properties) {
    SpoorClient.Answer answer = client.get(ContactApi.PATH + "/" + enc(email) + "?idProperty=email&properties="
        + properties);
    assertEquals(200, answer.status(), answer.body());
    return answer.json();
  }

  /** Rejections with this reason whose raw parameters contain {@code marker}. */
  public List<JsonObject> rejections(String reason, String marker) {
    return client.get("/api/v1/rejections?limit=1000").json().getJsonArray("results").stream()
        .map(JsonObject.class::cast).filter(r -> r.getString("reason").equals(reason))
        .filter(r -> r.getString("params").contains(marker)).collect(Collectors.toList());
  }

  /** The completion count of the event definition with this name. */
  public long completions(String eventName) {
    return client.get("/api/v1/event-definitions").json().getJsonArray("results").stream()
        .map(JsonObject.class::cast).filter(d -> d.getString("name").equals(eventName))
        .mapToLong(d -> d.getLong("completions")).sum();
  }

  /** A number the store answers, read beside the running server (both stores allow readers during writes). */
  public long stored(String sql, Object... params) {
    server.awaitApplied();
    try (Connection connection = DriverManager.getConnection(server.storeUrl());
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
