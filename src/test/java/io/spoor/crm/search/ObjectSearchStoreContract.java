package io.spoor.crm.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.crm.Analytics;
import io.spoor.crm.ChangeSource;
import io.spoor.crm.ContactStore;
import io.spoor.crm.ObjectStore;
import io.spoor.crm.ObjectStore.NewObject;
import io.spoor.crm.ObjectType;
import io.spoor.crm.PropertyChange;
import io.spoor.crm.PropertyDefinition;
import io.spoor.crm.PropertyDefinitionStore;
import io.spoor.crm.PropertyType;
import io.spoor.crm.search.ObjectSearchStore.Condition;
import io.spoor.crm.search.ObjectSearchStore.Criteria;
import io.spoor.crm.search.ObjectSearchStore.SortKey;
import io.spoor.crm.search.ObjectSearchStore.Uniqueness;
import io.spoor.testkit.StoreContract;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ObjectSearchStore} does with checked criteria: which live objects of the
 * type in the portal match each operator by the property's type, how terms match, and the order
 * and pages of the ids. An implementation's test makes the search store and, with
 * {@link #alongside}, the contact, company and property definition stores it searches.
 */
abstract class ObjectSearchStoreContract extends StoreContract<ObjectSearchStore> {
  private static final ObjectType CONTACT = ObjectType.CONTACT;
  private ContactStore contacts;
  private ObjectStore<?> companies;
  private PropertyDefinitionStore definitions;

  /** The stores the searched objects are written with, over the same data. */
  protected final void alongside(ContactStore contacts, ObjectStore<?> companies, PropertyDefinitionStore definitions) {
    this.contacts = contacts;
    this.companies = companies;
    this.definitions = definitions;
  }

  /** A contact of the portal created at {@code at} with these values; {@code email} is its key. */
  private long contact(long portal, long at, String... namesAndValues) {
    return object(contacts, portal, at, namesAndValues);
  }

  private long object(ObjectStore<?> store, long portal, long at, String... namesAndValues) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return in(s -> {
      long id = store.reserveIds(1);
      Optional<String> key = Optional.ofNullable(values.get(store == contacts ? "email" : "domain"));
      store.create(List.of(new NewObject(id, portal, key, at)));
      store.apply(Map.of(id, values.entrySet().stream().map(e -> new PropertyChange(e.getKey(),
          Optional.of(e.getValue()), at, ChangeSource.API)).toList()));
      return id;
    });
  }

  private static Condition where(String property, PropertyType type, SearchOperator operator, String... values) {
    return new Condition(property, type, operator, Arrays.asList(values), Uniqueness.NONE);
  }

  private static Criteria all(Condition... conditions) {
    return new Criteria(List.of(List.of(conditions)), List.of(), List.of(), CONTACT);
  }

  private List<Long> ids(Criteria criteria, SortKey... sorts) {
    return ids(1, criteria, List.of(sorts), 100, 0);
  }

  private List<Long> ids(long portal, Criteria criteria, List<SortKey> sorts, int limit, int offset) {
    return read(s -> s.ids(portal, criteria, sorts, limit, offset));
  }

  private long count(Criteria criteria) {
    return read(s -> s.count(1, criteria));
  }

  private static final Criteria EVERY_CONTACT = new Criteria(List.of(), List.of(), List.of(), CONTACT);

  @Test
  void withoutCriteriaEveryLiveObjectOfTheTypeInThePortalMatchesInIdOrder() {
    long ada = contact(1, 100, "firstname", "Ada");
    long gone = contact(1, 100, "firstname", "Gone");
    long bob = contact(1, 100, "firstname", "Bob");
    contact(2, 100, "firstname", "Elsewhere");
    long company = object(companies, 1, 100, "name", "Acme");
    run(s -> contacts.archive(1, List.of(gone), 200));

    assertEquals(List.of(ada, bob), ids(EVERY_CONTACT));
    assertEquals(2, count(EVERY_CONTACT));
    Criteria everyCompany = new Criteria(List.of(), List.of(), List.of(), ObjectType.COMPANY);
    assertEquals(List.of(company), ids(1, everyCompany, List.of(), 10, 0));
    assertEquals(List.of(), ids(2, everyCompany, List.of(), 10, 0));
  }

  @Test
  void textComparesIgnoringCaseAndAnObjectWithoutTheValueMatchesNoComparison() {
    long ada = contact(1, 100, "city", "London");
    long bob = contact(1, 100, "city", "oslo");
    long none = contact(1, 100, "firstname", "Nowhere");

    assertEquals(List.of(ada), ids(all(where("city", PropertyType.STRING, SearchOperator.EQ, "LONDON"))));
    assertEquals(List.of(bob), ids(all(where("city", PropertyType.STRING, SearchOperator.NEQ, "london"))));
    assertEquals(List.of(ada, bob), ids(all(where("city", PropertyType.STRING, SearchOperator.IN, "Oslo", "london"))));
    assertEquals(List.of(bob), ids(all(where("city", PropertyType.STRING, SearchOperator.NOT_IN, "London", "Paris"))));
    assertEquals(List.of(ada), ids(all(where("city", PropertyType.STRING, SearchOperator.LT, "M"))));
    assertEquals(List.of(ada, bob), ids(all(where("city", PropertyType.STRING, SearchOperator.HAS_PROPERTY))));
    assertEquals(List.of(none), ids(all(where("city", PropertyType.STRING, SearchOperator.NOT_HAS_PROPERTY))));
  }

  @Test
  void numbersCompareAsDecimalsNotAsText() {
    long nine = contact(1, 100, "score", "9");
    long ten = contact(1, 100, "score", "10");
    long half = contact(1, 100, "score", "2.5");
    long negative = contact(1, 100, "score", "-3");

    assertEquals(List.of(ten), ids(all(where("score", PropertyType.NUMBER, SearchOperator.GT, "9"))));
    assertEquals(List.of(nine, ten), ids(all(where("score", PropertyType.NUMBER, SearchOperator.GTE, "9"))));
    assertEquals(List.of(half), ids(all(where("score", PropertyType.NUMBER, SearchOperator.EQ, "2.50"))));
    assertEquals(List.of(nine, half), ids(all(where("score", PropertyType.NUMBER, SearchOperator.BETWEEN, "2.5", "9"))));
    assertEquals(List.of(negative), ids(all(where("score", PropertyType.NUMBER, SearchOperator.LT, "0"))));
    assertEquals(List.of(negative, half, nine, ten),
        ids(EVERY_CONTACT, new SortKey("score", PropertyType.NUMBER, false)));
  }

  @Test
  void datesCompareAsEpochMilliseconds() {
    long early = contact(1, 100, "renewal", "86400000");
    long late = contact(1, 100, "renewal", "1000000000000");

    assertEquals(List.of(late), ids(all(where("renewal", PropertyType.DATETIME, SearchOperator.GT, "86400000"))));
    assertEquals(List.of(early), ids(all(where("renewal", PropertyType.DATE, SearchOperator.LTE, "86400000"))));
    assertEquals(List.of(late, early), ids(EVERY_CONTACT, new SortKey("renewal", PropertyType.DATETIME, true)));
  }

  @Test
  void aTokenMatchesWholeWordsIgnoringCaseWithAStarForAnyCharacters() {
    long ada = contact(1, 100, "jobtitle", "Chief-Analyst of Engines");
    long bob = contact(1, 100, "jobtitle", "Analytics lead");

    assertEquals(List.of(ada), ids(all(where("jobtitle", PropertyType.STRING, SearchOperator.CONTAINS_TOKEN,
        "analyst"))));
    assertEquals(List.of(ada, bob), ids(all(where("jobtitle", PropertyType.STRING, SearchOperator.CONTAINS_TOKEN,
        "ANALY*"))));
    assertEquals(List.of(bob), ids(all(where("jobtitle", PropertyType.STRING, SearchOperator.NOT_CONTAINS_TOKEN,
        "engines"))));
    assertEquals(List.of(), ids(all(where("jobtitle", PropertyType.STRING, SearchOperator.CONTAINS_TOKEN,
        "analy%"))), "a percent sign is no wildcard");
  }

  @Test
  void everyQueryTermMustStartAWordOfASearchableProperty() {
    long ada = contact(1, 100, "firstname", "Ada", "lastname", "Lovelace", "email", "ada@example.com");
    long augusta = contact(1, 100, "firstname", "Augusta", "city", "Lovelace");
    contact(1, 100, "firstname", "Bob", "lastname", "Lovelace");

    List<String> searchable = List.of("firstname", "lastname", "email");
    assertEquals(List.of(ada), ids(new Criteria(List.of(), List.of("ada", "LOVE"), searchable, CONTACT)));
    assertEquals(List.of(ada, augusta), ids(new Criteria(List.of(), List.of("a"), searchable, CONTACT)));
    assertEquals(List.of(ada), ids(new Criteria(List.of(), List.of("example"), searchable, CONTACT)));
    assertEquals(List.of(), ids(new Criteria(List.of(), List.of("velace"), searchable, CONTACT)));
  }

  @Test
  void anObjectMatchesAnyGroupWhenItMatchesEveryConditionOfThatGroup() {
    long ada = contact(1, 100, "firstname", "Ada", "city", "London");
    long bob = contact(1, 100, "firstname", "Bob", "city", "Oslo");
    contact(1, 100, "firstname", "Ada", "city", "Oslo");

    Criteria criteria = new Criteria(List.of(
        List.of(where("firstname", PropertyType.STRING, SearchOperator.EQ, "ada"),
            where("city", PropertyType.STRING, SearchOperator.EQ, "london")),
        List.of(where("firstname", PropertyType.STRING, SearchOperator.EQ, "bob"))), List.of(), List.of(), CONTACT);
    assertEquals(List.of(ada, bob), ids(criteria));
    assertEquals(2, count(criteria));
  }

  @Test
  void sortsPutUnsetValuesLastEitherWayAndBreakTiesByIdAscending() {
    long b1 = contact(1, 100, "city", "b");
    long a = contact(1, 100, "city", "A");
    long unset = contact(1, 100, "firstname", "Nowhere");
    long b2 = contact(1, 100, "city", "B");
    long c = contact(1, 100, "city", "c");

    assertEquals(List.of(a, b1, b2, c, unset), ids(EVERY_CONTACT, new SortKey("city", PropertyType.STRING, false)));
    assertEquals(List.of(c, b1, b2, a, unset), ids(EVERY_CONTACT, new SortKey("city", PropertyType.STRING, true)));
    assertEquals(List.of(b1, b2), ids(1, EVERY_CONTACT, List.of(new SortKey("city", PropertyType.STRING, true)), 2, 1));
    assertEquals(List.of(), ids(1, EVERY_CONTACT, List.of(), 10, 5));
  }

  @Test
  void computedPropertiesAreSearchedAndSortedByTheirOwnValues() {
    long early = contact(1, 100);
    long late = contact(1, 300);
    run(s -> contacts.addAnalytics(Map.of(early, Analytics.event(150, 2_500_000))));

    assertEquals(List.of(late), ids(all(where(ObjectType.CREATEDATE, PropertyType.DATETIME, SearchOperator.GT, "200"))));
    assertEquals(List.of(late, early), ids(EVERY_CONTACT, new SortKey(ObjectType.OBJECT_ID, PropertyType.NUMBER, true)));
    assertEquals(List.of(early), ids(all(where("hs_analytics_revenue", PropertyType.NUMBER, SearchOperator.EQ,
        "2.5"))));
    assertEquals(List.of(early, late), ids(all(where("hs_analytics_source", PropertyType.ENUMERATION,
        SearchOperator.EQ, "offline"))), "a contact without a visit has the source OFFLINE");
    assertEquals(List.of(early, late), ids(all(where("hs_analytics_num_event_completions", PropertyType.NUMBER,
        SearchOperator.LTE, "1"))));
  }

  @Test
  void aKeyFilterFindsTheKeyInAnyCaseAndNeverAnArchivedObject() {
    long ada = contact(1, 100, "email", "ada@example.com");
    long gone = contact(1, 100, "email", "gone@example.com");
    contact(2, 100, "email", "ada@example.com");
    run(s -> contacts.archive(1, List.of(gone), 200));

    Condition byKey = new Condition("email", PropertyType.STRING, SearchOperator.IN,
        List.of("ADA@Example.com", "gone@example.com", "nobody@example.com"), Uniqueness.KEY);
    assertEquals(List.of(ada), ids(all(byKey)));
    assertEquals(1, count(all(byKey)));
  }

  @Test
  void aCustomUniqueFilterFindsAValueStoredInAnyCase() {
    assertEquals(true, in(s -> definitions.create(1, CONTACT, new PropertyDefinition("member_id", "Member",
        PropertyType.STRING, "text", "group", "", List.of(), true, false, false, false))));
    long upper = contact(1, 100, "member_id", "AbC-1");
    long other = contact(1, 100, "member_id", "xyz-2");
    run(s -> contacts.indexUnique(Map.of(upper, List.of(new PropertyChange("member_id", Optional.of("AbC-1"), 100,
        ChangeSource.API)), other, List.of(new PropertyChange("member_id", Optional.of("xyz-2"), 100,
        ChangeSource.API)))));

    Condition byValue = new Condition("member_id", PropertyType.STRING, SearchOperator.EQ, List.of("abc-1"),
        Uniqueness.CUSTOM);
    assertEquals(List.of(upper), ids(all(byValue)));
  }

  @Test
  void aThousandKeysAreLookedUpInOneSearch() {
    List<String> emails = new ArrayList<>();
    List<Long> made = in(s -> {
      long first = contacts.reserveIds(1_000);
      List<NewObject> objects = new ArrayList<>();
      for (int i = 0; i < 1_000; i++) {
        emails.add("many" + i + "@example.com");
        objects.add(new NewObject(first + i, 1, Optional.of(emails.get(i)), 100));
      }
      contacts.create(objects);
      return objects.stream().map(NewObject::id).toList();
    });
    Map<Long, List<PropertyChange>> values = new LinkedHashMap<>();
    for (int i = 0; i < made.size(); i++) {
      values.put(made.get(i), List.of(new PropertyChange("email", Optional.of(emails.get(i)), 100, ChangeSource.API)));
    }
    run(s -> contacts.apply(values));

    Condition byKey = new Condition("email", PropertyType.STRING, SearchOperator.IN, emails, Uniqueness.KEY);
    assertEquals(1_000, count(all(byKey)));
    assertEquals(made.subList(0, 100), ids(all(byKey)));
  }
}
