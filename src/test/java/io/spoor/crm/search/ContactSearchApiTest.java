package io.spoor.crm.search;

import static io.spoor.crm.SearchApi.filter;
import static io.spoor.crm.SearchApi.found;
import static io.spoor.crm.SearchApi.groups;
import static io.spoor.crm.SearchApi.ids;
import static io.spoor.crm.SearchApi.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.spoor.crm.ContactApi;
import io.spoor.crm.ContactProperties;
import io.spoor.http.Scope;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /crm/v3/objects/contacts/search}: every operator, groups, sorts, paging and the text query. */
class ContactSearchApiTest {
  private static RunningSpoor server;
  private static SpoorClient client;
  /** The portal's contacts by a short name. */
  private static final Map<String, String> ID = new LinkedHashMap<>();

  @BeforeAll
  static void start() {
    server = RunningSpoor.start();
    client = ContactApi.portal(server, 10, Set.of(Scope.CONTACTS_READ, Scope.CONTACTS_WRITE));
    ID.put("ada", ContactApi.create(client, Map.of("email", "ada@example.com", "firstname", "Ada",
        "lastname", "Lovelace", "company", "Analytical Engines Ltd", "phone", "+44 20 7946 0001",
        "total_revenue", "9", "lifecyclestage", "lead", "closedate", "2024-05-01T10:00:00Z")));
    ID.put("grace", ContactApi.create(client, Map.of("email", "grace@navy.example.org", "firstname", "Grace",
        "lastname", "Hopper", "company", "US Navy", "total_revenue", "100", "lifecyclestage", "customer",
        "closedate", "2024-06-01T00:00:00Z")));
    ID.put("alan", ContactApi.create(client, Map.of("email", "alan@example.com", "firstname", "Alan",
        "lastname", "Turing", "total_revenue", "10", "lifecyclestage", "lead")));
    ID.put("edsger", ContactApi.create(client, Map.of("email", "edsger@example.net", "firstname", "Edsger",
        "lastname", "Dijkstra", "company", "Mathematisch Centrum")));
    ID.put("byron", ContactApi.create(client, Map.of("firstname", "ada", "lastname", "Byron")));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void eqComparesTextIgnoringCase() {
    matches(where(filter("firstname", "EQ", "ADA")), "ada", "byron");
  }

  @Test
  void neqMatchesOtherValuesButNotContactsWithoutOne() {
    matches(where(filter("lifecyclestage", "NEQ", "lead")), "grace");
  }

  @Test
  void numbersCompareAsNumbersNotAsText() {
    matches(where(filter("total_revenue", "GT", "9")), "grace", "alan");
    matches(where(filter("total_revenue", "GTE", 10)), "grace", "alan");
    matches(where(filter("total_revenue", "LT", "100")), "ada", "alan");
    matches(where(filter("total_revenue", "LTE", "9.0")), "ada");
    matches(where(filter("total_revenue", "EQ", "1e2")), "grace");
  }

  @Test
  void betweenIncludesBothEnds() {
    matches(where(filter("total_revenue", "BETWEEN", "9").put("highValue", "10")), "ada", "alan");
  }

  @Test
  void inAndNotInMatchAnyAndNoneOfTheValues() {
    matches(where(filter("lastname", "IN").put("values", new JsonArray().add("lovelace").add("TURING"))),
        "ada", "alan");
    matches(where(filter("lastname", "NOT_IN").put("values", new JsonArray().add("lovelace"))),
        "grace", "alan", "edsger", "byron");
  }

  @Test
  void hasPropertyAndNotHasPropertyLookAtWhetherAValueIsSet() {
    matches(where(filter("company", "HAS_PROPERTY")), "ada", "grace", "edsger");
    matches(where(filter("company", "NOT_HAS_PROPERTY")), "alan", "byron");
  }

  @Test
  void containsTokenMatchesWholeWordsAndTakesWildcards() {
    matches(where(filter("company", "CONTAINS_TOKEN", "engines")), "ada");
    matches(where(filter("company", "CONTAINS_TOKEN", "eng")));
    matches(where(filter("email", "CONTAINS_TOKEN", "*@example.com")), "ada", "alan");
    matches(where(filter("company", "CONTAINS_TOKEN", "math*")), "edsger");
    matches(where(filter("company", "NOT_CONTAINS_TOKEN", "navy")), "ada", "edsger");
  }

  @Test
  void datesCompareAsInstantsGivenInAnyForm() {
    matches(where(filter("closedate", "GTE", "2024-05-15")), "grace");
    matches(where(filter("closedate", "LT", Long.toString(1_717_200_000_000L))), "ada");
    matches(where(filter("closedate", "EQ", "2024-06-01T00:00:00Z")), "grace");
  }

  @Test
  void computedPropertiesAreSearchable() {
    matches(where(filter("hs_object_id", "EQ", ID.get("alan"))), "alan");
    matches(where(filter("createdate", "GT", "0")), ID.keySet().toArray(String[]::new));
    matches(where(filter("lastmodifieddate", "LT", "2000-01-01")));
    matches(where(filter("hs_analytics_num_page_views", "EQ", "0"), filter("lastname", "EQ", "byron")), "byron");
    matches(where(filter("hs_analytics_source", "EQ", "offline"), filter("firstname", "EQ", "grace")), "grace");
    matches(where(filter("hs_analytics_first_url", "HAS_PROPERTY")));
  }

  @Test
  void filtersOfAGroupMustAllMatchAndAnyGroupMay() {
    matches(groups(new JsonArray().add(filter("firstname", "EQ", "ada")).add(filter("lastname", "EQ", "lovelace")),
        new JsonArray().add(filter("lastname", "EQ", "turing"))), "ada", "alan");
  }

  @Test
  void sortsOrderByTypedValuesWithUnsetValuesLast() {
    JsonObject withEmail = where(filter("email", "HAS_PROPERTY"));
    assertEquals(named("grace", "alan", "ada", "edsger"), ids(found(client, withEmail.copy().put("sorts",
        new JsonArray().add(new JsonObject().put("propertyName", "total_revenue").put("direction", "DESCENDING"))))));
    assertEquals(named("ada", "alan", "grace", "edsger"), ids(found(client, withEmail.copy().put("sorts",
        new JsonArray().add(new JsonObject().put("propertyName", "total_revenue"))))));
    assertEquals(named("edsger", "grace", "ada", "alan"), ids(found(client, withEmail.copy().put("sorts",
        new JsonArray().add("lastname")))));
    assertEquals(named("byron", "edsger", "alan", "grace", "ada"), ids(found(client, new JsonObject()
        .put("sorts", new JsonArray().add("-hs_object_id")))));
  }

  @Test
  void pagesWalkEveryMatchAndEachCountsThemAll() {
    List<String> seen = new java.util.ArrayList<>();
    String after = "0";
    for (int page = 0; page < 3; page++) {
      JsonObject answer = found(client, new JsonObject().put("limit", 2).put("after", after)
          .put("sorts", new JsonArray().add("hs_object_id")));
      assertEquals(5, answer.getLong("total"));
      seen.addAll(ids(answer));
      after = page < 2 ? answer.getJsonObject("paging").getJsonObject("next").getString("after") : null;
      if (page == 2) {
        assertFalse(answer.containsKey("paging"), answer.encode());
      }
    }
    assertEquals(List.copyOf(ID.values()), seen);
  }

  @Test
  void theQueryMatchesTheStartOfWordsOfTheSearchableProperties() {
    matches(new JsonObject().put("query", "ada"), "ada", "byron");
    matches(new JsonObject().put("query", "lov"), "ada");
    matches(new JsonObject().put("query", "navy"), "grace");
    matches(new JsonObject().put("query", "7946"), "ada");
    matches(new JsonObject().put("query", "ada lovelace"), "ada");
    matches(new JsonObject().put("query", "ada turing"));
    matches(where(filter("lastname", "NEQ", "byron")).put("query", "ada"), "ada");
  }

  @Test
  void resultsShowThePropertiesAskedForOrTheDefaultOnes() {
    JsonObject asked = found(client, where(filter("hs_object_id", "EQ", ID.get("ada")))
        .put("properties", new JsonArray().add("company")));
    JsonObject properties = asked.getJsonArray("results").getJsonObject(0).getJsonObject("properties");
    assertEquals("Analytical Engines Ltd", properties.getString("company"));
    assertNull(properties.getString("firstname"));
    JsonObject plain = found(client, where(filter("hs_object_id", "EQ", ID.get("ada"))));
    JsonObject defaults = plain.getJsonArray("results").getJsonObject(0).getJsonObject("properties");
    assertEquals(Set.copyOf(ContactProperties.DEFAULT_READ), defaults.fieldNames());
    assertEquals("ada@example.com", defaults.getString("email"));
  }

  @Test
  void valuesAreNeverReadAsSql() {
    matches(where(filter("firstname", "EQ", "ada' OR '1'='1")));
    matches(where(filter("company", "CONTAINS_TOKEN", "%")));
    matches(new JsonObject().put("query", "ada%"));
  }

  /** The search finds exactly these contacts (in any order), and its total counts them. */
  private static void matches(JsonObject body, String... names) {
    JsonObject answer = found(client, body.put("limit", 100));
    assertEquals(new HashSet<>(named(names)), new HashSet<>(ids(answer)), answer.encode());
    assertEquals(names.length, answer.getLong("total"));
  }

  private static List<String> named(String... names) {
    return Stream.of(names).map(ID::get).collect(Collectors.toList());
  }
}
