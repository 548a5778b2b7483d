package io.spoor.reliability;

import static io.spoor.reliability.PortalIsolation.APP_EVENT;
import static io.spoor.reliability.PortalIsolation.BEHAVIOUR;
import static io.spoor.reliability.PortalIsolation.COMPANY_NAME;
import static io.spoor.reliability.PortalIsolation.EMAIL;
import static io.spoor.reliability.PortalIsolation.FIRSTNAME;
import static io.spoor.reliability.PortalIsolation.PROPERTY;
import static io.spoor.reliability.PortalIsolation.UTK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Portal 2's token against portal 1's objects, on every authenticated operation of the OpenAPI
 * document: each attempt is refused or touches only portal 2, no answer shows anything of
 * portal 1 the request did not itself name (an email, a name, an id, a count), and afterwards
 * portal 1's objects are as they were.
 */
class PortalIsolationTest {
  private static PortalIsolation sweep;

  @BeforeAll
  static void start() {
    sweep = new PortalIsolation();
  }

  @AfterAll
  static void stop() {
    if (sweep != null) {
      sweep.close();
    }
  }

  @Test
  void everyAuthenticatedOperationWasTriedWithPortalTwosToken() {
    List<String> missing = sweep.operations().stream().filter(op -> !sweep.attempted.contains(op))
        .collect(Collectors.toList());
    assertTrue(missing.isEmpty(), "not tried: " + missing);
    assertTrue(sweep.attempted.size() >= 30, "tried: " + sweep.attempted);
  }

  @Test
  void everyAttemptIsRefusedOrTouchesOnlyPortalTwoAndRevealsNothingOfPortalOne() {
    assertTrue(sweep.problems.isEmpty(), sweep.problems.size() + " problems:\n"
        + String.join("\n", sweep.problems)
        + (sweep.fallbacks.isEmpty() ? "" : "\n(tried generically: " + sweep.fallbacks + ")"));
  }

  @Test
  void portalTwosListsAndCountsHoldOnlyPortalTwosObjects() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("contacts", List.of(sweep.twoContact).toString());
    expected.put("search total", "1");
    expected.put("companies", "[]");
    expected.put("custom properties", "0");
    expected.put("behavioural events", "0");
    expected.put("events", "0");
    expected.put("rejections", "0");
    expected.put("tokens", "1");
    expected.put("portal", "2");
    assertEquals(expected, sweep.counts);
  }

  @Test
  void portalOnesObjectsAreAsTheyWere() {
    JsonObject p = sweep.one.get("/crm/v3/objects/contacts/" + sweep.contact
        + "?properties=email,firstname&associations=companies").json();
    assertEquals(EMAIL, p.getJsonObject("properties").getString("email"));
    assertEquals(FIRSTNAME, p.getJsonObject("properties").getString("firstname"), p.encode());
    assertTrue(p.encode().contains("\"id\":\"" + sweep.company + "\""), "association lost: " + p.encode());
    assertEquals(200, sweep.one.get("/crm/v3/objects/contacts/" + sweep.secondContact).status());
    JsonObject c = sweep.one.get("/crm/v3/objects/companies/" + sweep.company + "?properties=domain,name").json();
    assertEquals(COMPANY_NAME, c.getJsonObject("properties").getString("name"), c.encode());
    assertEquals(200, sweep.one.get("/crm/v3/properties/contacts/" + PROPERTY).status());
    assertEquals(200, sweep.one.get("/events/v3/event-definitions/" + BEHAVIOUR).status());
    assertTrue(sweep.one.get("/api/v1/event-definitions").body().contains(APP_EVENT));
    assertEquals(200, sweep.one.get("/api/v1/visitors/" + UTK).status());
    assertEquals(sweep.timelineBefore, sweep.one.get("/api/v1/contacts/" + sweep.contact + "/timeline").json()
        .getJsonArray("results").size());
    assertEquals(200, sweep.one.withToken(sweep.portalOneToken).get("/api/v1/portal").status());
    assertEquals(sweep.portalOneBefore, sweep.one.get("/api/v1/portal").json());
  }
}
