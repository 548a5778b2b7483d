package io.spoor.crm.search;

import static io.spoor.crm.SearchApi.filter;
import static io.spoor.crm.SearchApi.found;
import static io.spoor.crm.SearchApi.ids;
import static io.spoor.crm.SearchApi.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.crm.ContactApi;
import io.spoor.crm.SearchApi;
import io.spoor.testkit.SpoorClient.Answer;
import io.spoor.testkit.SpoorPerClass;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Searches with {@code EQ} or {@code IN} on the email key or a custom property with unique
 * values, which read the contacts {@code unique_value} names instead of every contact: they find
 * exactly what reading every contact finds.
 */
class ContactSearchLookupTest extends SpoorPerClass {
  private static final int CONTACTS = 40;
  /** Custom unique values, some stored in several cases on different contacts (uniqueness is exact). */
  private static final List<String> CODES = List.of("XY-7", "xy-7", "Xy-7", "ABCDEFGHIJ-K", "abcdefghij-k",
      "ABCDEFGHIj-K", "0042", "cust-1", "CUST-2", "Cust-3");
  private static final List<String> FIRST_NAMES = List.of("Ada", "ada", "Grace", "Alan");
  /** Contacts by index: ids of live, archived and merged ones alike. */
  private static final Map<Integer, String> ID = new HashMap<>();
  private static String successor;

  @BeforeAll
  static void contacts() {
    for (String[] property : new String[][] {{"customer_code", "string", "text", "true"},
        {"member_no", "number", "number", "true"}, {"team", "string", "text", "false"}}) {
      Answer created = client.send("POST", "/crm/v3/properties/contacts", new JsonObject().put("name", property[0])
          .put("label", property[0]).put("type", property[1]).put("fieldType", property[2])
          .put("groupName", "contactinformation").put("hasUniqueValue", Boolean.parseBoolean(property[3])));
      assertEquals(201, created.status(), created.body());
    }
    for (int i = 0; i < CONTACTS; i++) {
      Map<String, String> values = new HashMap<>();
      if (i % 10 != 9) {
        values.put("email", "Person" + i + "@Lookup.Example");
      }
      if (i < CODES.size()) {
        values.put("customer_code", CODES.get(i));
      }
      if (i % 3 != 2) {
        values.put("firstname", FIRST_NAMES.get(i % FIRST_NAMES.size()));
      }
      values.put("team", i % 2 == 0 ? "red" : "blue");
      values.put("total_revenue", Integer.toString(i));
      if (i % 4 == 0) {
        values.put("member_no", Integer.toString(i * 10));
      }
      ID.put(i, ContactApi.create(client, values));
    }
    for (int archived : List.of(1, 5, 15)) {
      assertEquals(204, client.delete(ContactApi.PATH + "/" + ID.get(archived)).status());
    }
    Answer merged = client.send("POST", ContactApi.PATH + "/merge", new JsonObject()
        .put("primaryObjectId", ID.get(21)).put("objectIdToMerge", ID.get(20)));
    assertEquals(200, merged.status(), merged.body());
    successor = ContactApi.create(client, Map.of("email", "person5@lookup.example", "customer_code", "Xy-7-b"));
  }

  @Test
  void anEmailFindsItsContactWhateverTheCaseOfTheFilter() {
    assertEquals(List.of(ID.get(2)), ids(found(client, where(filter("email", "EQ", "PERSON2@lookup.example")))));
    assertEquals(List.of(ID.get(2), ID.get(3)), ids(found(client, where(filter("email", "IN").put("values",
        new JsonArray().add("person3@LOOKUP.example").add("Person2@Lookup.Example").add("nobody@lookup.example")))
        .put("sorts", new JsonArray().add("hs_object_id")))));
  }

  @Test
  void everyCaseAContactStoredOfACustomUniqueValueMatches() {
    assertEquals(Set.of(ID.get(0), ID.get(2)), Set.copyOf(ids(found(client,
        where(filter("customer_code", "EQ", "xY-7"))))));
    assertEquals(Set.of(ID.get(3), ID.get(4)), Set.copyOf(ids(found(client,
        where(filter("customer_code", "EQ", "abcdefghij-K"))))));
    assertEquals(List.of(ID.get(6)), ids(found(client, where(filter("customer_code", "EQ", "0042")))));
  }

  @Test
  void archivedContactsStayExcluded() {
    for (String email : List.of("person1@lookup.example", "person15@lookup.example", "person20@lookup.example")) {
      JsonObject none = found(client, where(filter("email", "EQ", email)));
      assertEquals(0, none.getLong("total"), none.encode());
    }
    assertEquals(List.of(ID.get(3), ID.get(4)), ids(found(client, where(filter("customer_code", "EQ",
        "ABCDEFGHIj-K")).put("sorts", new JsonArray().add("hs_object_id")))));
    assertEquals(List.of(ID.get(0), ID.get(2), ID.get(7)), ids(found(client, where(filter("customer_code", "IN")
        .put("values", new JsonArray().add("xy-7").add("cust-1"))).put("sorts", new JsonArray().add("hs_object_id")))));
    assertEquals(List.of(successor), ids(found(client, where(filter("email", "EQ", "Person5@Lookup.Example")))));
  }

  @Test
  void aThousandValuesAreLookedUpInOneSearch() {
    JsonArray codes = new JsonArray().add("cUsT-1");
    JsonArray emails = new JsonArray().add("PERSON3@lookup.example");
    for (int i = 0; i < SearchFilter.MAX_VALUES - 1; i++) {
      codes.add("Missing-Code-" + i);
      emails.add("missing" + i + "@lookup.example");
    }
    assertEquals(List.of(ID.get(7)), ids(found(client, where(filter("customer_code", "IN").put("values", codes)))));
    assertEquals(List.of(ID.get(3), ID.get(7)), ids(found(client, SearchApi.groups(
        new JsonArray().add(filter("email", "IN").put("values", emails)),
        new JsonArray().add(filter("customer_code", "IN").put("values", codes)))
        .put("sorts", new JsonArray().add("hs_object_id")))));
  }

  @Test
  void resultsTotalsAndPagesAreThoseOfReadingEveryContact() {
    Random random = new Random(7);
    int nonEmpty = 0;
    for (int run = 0; run < 250; run++) {
      JsonObject body = randomSearch(random);
      JsonObject looked = found(client, body.copy());
      JsonObject scanned = found(client, scanning(body));
      assertEquals(scanned, looked, body.encode());
      if (looked.getLong("total") > 0) {
        nonEmpty++;
      }
    }
    assertTrue(nonEmpty > 100, nonEmpty + " searches found something");
  }

  /**
   * The same search with one more group, which no contact matches and which names no unique
   * value, so the search reads every contact.
   */
  private static JsonObject scanning(JsonObject body) {
    JsonObject copy = body.copy();
    copy.getJsonArray("filterGroups").add(new JsonObject().put("filters",
        new JsonArray().add(filter("hs_object_id", "EQ", "0"))));
    return copy;
  }

  private static JsonObject randomSearch(Random random) {
    JsonArray groups = new JsonArray();
    int count = 1 + random.nextInt(3);
    for (int g = 0; g < count; g++) {
      JsonArray filters = new JsonArray();
      if (random.nextInt(10) > 0) {
        filters.add(uniqueFilter(random));
      }
      int others = (filters.isEmpty() ? 1 : 0) + random.nextInt(3);
      for (int f = 0; f < others; f++) {
        filters.add(otherFilter(random));
      }
      groups.add(new JsonObject().put("filters", filters));
    }
    JsonObject body = new JsonObject().put("filterGroups", groups).put("limit", 1 + random.nextInt(5))
        .put("after", Integer.toString(random.nextInt(3)));
    List<String> sorts = List.of("firstname", "-total_revenue", "createdate", "-hs_object_id", "customer_code",
        "-email");
    if (random.nextBoolean()) {
      body.put("sorts", new JsonArray().add(sorts.get(random.nextInt(sorts.size()))));
    }
    if (random.nextInt(8) == 0) {
      body.put("query", random.nextBoolean() ? "ada" : "person1");
    }
    return body;
  }

  private static JsonObject uniqueFilter(Random random) {
    boolean email = random.nextBoolean();
    List<String> values = new ArrayList<>();
    int count = random.nextInt(3) == 0 ? 1 + random.nextInt(4) : 1;
    for (int v = 0; v < count; v++) {
      values.add(email ? recase(random, "person" + random.nextInt(CONTACTS + 5) + "@lookup.example")
          : random.nextInt(6) == 0 ? "no-such-code" : recase(random, CODES.get(random.nextInt(CODES.size()))));
    }
    String property = email ? "email" : "customer_code";
    return count == 1 && random.nextBoolean() ? filter(property, "EQ", values.get(0))
        : filter(property, "IN").put("values", new JsonArray(values));
  }

  private static JsonObject otherFilter(Random random) {
    return switch (random.nextInt(9)) {
      case 0 -> filter("firstname", "EQ", recase(random, "ada"));
      case 1 -> filter("team", "NEQ", "red");
      case 2 -> filter("total_revenue", "GT", Integer.toString(random.nextInt(CONTACTS)));
      case 3 -> filter("customer_code", "HAS_PROPERTY");
      case 4 -> filter("firstname", "NOT_HAS_PROPERTY");
      case 5 -> filter("member_no", "EQ", Integer.toString(10 * random.nextInt(CONTACTS)));
      case 6 -> filter("email", "CONTAINS_TOKEN", "lookup");
      case 7 -> filter("hs_additional_emails", "HAS_PROPERTY");
      default -> filter("customer_code", "EQ", recase(random, CODES.get(random.nextInt(CODES.size()))));
    };
  }

  /** The value with each letter in a random case. */
  private static String recase(Random random, String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      out.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
    }
    return out.toString();
  }
}
