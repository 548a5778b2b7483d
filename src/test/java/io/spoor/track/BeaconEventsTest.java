package io.spoor.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Events sent as beacons: legacy events, behavioural events and clicks. */
class BeaconEventsTest extends BeaconFixture {
  @Test
  void legacyEventsFollowTheEventRules() {
    String utk = utk();
    pageView(utk, "https://site.example/", "", T0, identity("events@example.com", ""));
    beacon("/__ptq.gif?k=3&a=1&vi=" + utk + "&n=downloaded_whitepaper&m=12.5");
    beacon("/__ptq.gif?k=3&a=1&vi=" + utk + "&n=downloaded_whitepaper&m=abc");
    JsonObject p = contact("events@example.com");
    assertEquals("2", p.getString("hs_analytics_num_event_completions"));
    assertEquals("12.5", p.getString("hs_analytics_revenue"));
  }

  @Test
  void behaviouralEventsNeedADefinitionNamedForThePortal() {
    String utk = utk();
    beacon("/__ptbe.gif?a=1&vi=" + utk + "&n=pe1_undefined&_plan=pro");
    assertTrue(client.get("/api/v1/rejections?limit=1000").body().contains("UNKNOWN_BEHAVIORAL_EVENT"));
  }

  @Test
  void behaviouralEventsWithADefinitionCountForTheContact() {
    defineBehaviouralEvent("trial_started", "plan");
    String utk = utk();
    pageView(utk, "https://site.example/", "", T0, identity("trial@example.com", ""));
    beacon("/__ptbe.gif?a=1&vi=" + utk + "&n=pe1_trial_started&_plan=pro");
    assertEquals("1", contact("trial@example.com").getString("hs_analytics_num_event_completions"));
    JsonObject event = client.get("/api/v1/contacts/" + enc("trial@example.com") + "/timeline?idProperty=email")
        .json().getJsonArray("results").getJsonObject(0);
    assertEquals("pe1_trial_started", event.getString("eventName"));
    assertEquals("pro", event.getJsonObject("properties").getString("plan"));
  }

  @Test
  void clicksAreKeptAsEvents() {
    String utk = utk();
    pageView(utk, "https://site.example/", "", T0, identity("clicker@example.com", ""));
    beacon("/__ptc.gif?a=1&vi=" + utk + "&_hs_element=buy-button");
    JsonArray timeline = client.get("/api/v1/contacts/" + enc("clicker@example.com")
        + "/timeline?idProperty=email").json().getJsonArray("results");
    assertEquals("hs_click", timeline.getJsonObject(0).getString("eventName"));
  }

  @Test
  void behaviouralEventBeaconsKeepOnlyDeclaredPropertiesAsTheEventsApiDoes() {
    defineBehaviouralEvent("plan_chosen", "plan");
    String utk = utk();
    pageView(utk, "https://site.example/", "", T0, identity("declared@example.com", ""));
    beacon("/__ptbe.gif?a=1&vi=" + utk + "&n=pe1_plan_chosen&_plan=pro&_undeclared=x");
    JsonObject properties = timeline("declared@example.com").stream().map(JsonObject.class::cast)
        .filter(e -> "pe1_plan_chosen".equals(e.getString("eventName"))).findFirst().orElseThrow()
        .getJsonObject("properties");
    assertEquals("pro", properties.getString("plan"));
    assertEquals(null, properties.getString("undeclared"));
    assertTrue(client.get("/api/v1/rejections?limit=1000").body().contains("declares no property undeclared"));
  }
}
