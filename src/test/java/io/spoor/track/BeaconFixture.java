package io.spoor.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorPerClass;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the beacon tests share: one real server per class, HubSpot-shaped beacons, and reads of
 * the visitors and contacts they made.
 */
abstract class BeaconFixture extends SpoorPerClass {
  static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
      + "(KHTML, like Gecko) Chrome/126.0 Safari/537.36";
  static final long T0 = 1_783_669_943_308L;

  /** A page view as HubSpot's tracker sends it, without the visitor's parameters. */
  static final String HUBSPOT_PAGE = "/__ptq.gif?k=1&sd=1920x1080&cd=24-bit&cs=UTF-8&ln=en-us&v=1.1&a=1"
      + "&pu=https%3A%2F%2Fsite.example%2Fpricing&t=Pricing";

  static void defineBehaviouralEvent(String name, String property) {
    SpoorClient.Answer created = client.send("POST", "/events/v3/event-definitions", new JsonObject()
        .put("label", name).put("name", name).put("primaryObject", "CONTACT")
        .put("propertyDefinitions", new JsonArray().add(new JsonObject().put("name", property)
            .put("label", property).put("type", "string"))));
    assertEquals(201, created.status(), created.body());
  }

  static JsonArray timeline(String email) {
    return client.get("/api/v1/contacts/" + enc(email) + "/timeline?idProperty=email").json()
        .getJsonArray("results");
  }

  static long untracked(String why) {
    String metrics = new String(client.raw("/metrics", Map.of()).body(), StandardCharsets.UTF_8);
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("spoor_untracked_hits_total\\{why=\"" + why + "\"\\} ([0-9.eE+]+)").matcher(metrics);
    return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
  }

  static void pageView(String utk, String url, String referrer, long sessionStart, String identity) {
    String query = "/__ptq.gif?k=1&a=1&v=1.1&vi=" + utk + "&pu=" + enc(url) + "&r=" + enc(referrer)
        + "&t=Page&b=" + DOMAIN_HASH + ".1." + sessionStart + "&cts=" + sessionStart
        + (identity.isEmpty() ? "" : "&i=" + enc(identity));
    assertEquals(200, beacon(query).statusCode());
  }

  static final String DOMAIN_HASH = "9267242";

  static HttpResponse<byte[]> beacon(String pathAndQuery) {
    return client.raw(pathAndQuery, Map.of("User-Agent", BROWSER));
  }

  static String identity(String email, String firstname) {
    return "email=" + enc(email) + (firstname.isEmpty() ? "" : "&firstname=" + enc(firstname));
  }

  static JsonObject visitor(String utk) {
    SpoorClient.Answer answer = client.get("/api/v1/visitors/" + utk);
    assertEquals(200, answer.status(), answer.body());
    return answer.json();
  }

  static JsonObject contact(String email) {
    SpoorClient.Answer answer = client.get("/crm/v3/objects/contacts/" + enc(email) + "?idProperty=email"
        + "&properties=firstname,hs_analytics_num_page_views,hs_analytics_num_visits,hs_analytics_first_url,"
        + "hs_analytics_first_referrer,hs_analytics_source,hs_analytics_num_event_completions,hs_analytics_revenue");
    assertEquals(200, answer.status(), answer.body());
    return answer.json().getJsonObject("properties");
  }

  static String contactId(String email) {
    return client.get("/crm/v3/objects/contacts/" + enc(email) + "?idProperty=email").json().getString("id");
  }

  static String utk() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return String.format("%016x%016x", r.nextLong(), r.nextLong());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
