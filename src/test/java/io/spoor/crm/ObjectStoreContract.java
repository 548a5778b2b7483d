package io.spoor.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.crm.ObjectStore.HistoryEntry;
import io.spoor.crm.ObjectStore.NewObject;
import io.spoor.testkit.StoreContract;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ObjectStore} does, whatever its type: ids, keys, values, history, archiving,
 * and one portal never seeing another's objects. A type's contract says which type it is; an
 * implementation's test makes the store and, with {@link #alongside}, a store of the other
 * type and the property definitions over the same database.
 */
abstract class ObjectStoreContract<T extends CrmObject, S extends ObjectStore<T>> extends StoreContract<S> {
  private ObjectStore<?> otherType;
  private PropertyDefinitionStore definitions;

  /** The type of the objects this store keeps. */
  abstract ObjectType type();

  /** A canonical key of this type made of {@code stem}, as the caller hands keys over. */
  abstract String key(String stem);

  /** The same key as a client may write it, before the caller makes it canonical. */
  abstract String otherForm(String stem);

  /** The store of the other object type, and the property definitions, over the same data. */
  protected final void alongside(ObjectStore<?> otherType, PropertyDefinitionStore definitions) {
    this.otherType = otherType;
    this.definitions = definitions;
  }

  long make(long portal, Optional<String> key, long at) {
    return in(s -> {
      long id = s.reserveIds(1);
      s.create(List.of(new NewObject(id, portal, key, at)));
      return id;
    });
  }

  long make(long portal, String stem) {
    return make(portal, Optional.of(key(stem)), 100);
  }

  void set(long id, String name, String value, long at) {
    run(s -> s.apply(Map.of(id, List.of(change(name, Optional.of(value), at)))));
  }

  static PropertyChange change(String name, Optional<String> value, long at) {
    return new PropertyChange(name, value, at, ChangeSource.API);
  }

  private Optional<T> find(long portal, long id) {
    return read(s -> s.find(portal, id));
  }

  private Map<String, Long> idsByKey(long portal, String... keys) {
    return read(s -> s.idsByKey(portal, List.of(keys)));
  }

  @Test
  void aCreatedObjectIsFoundByItsIdAndItsKeyWithItsValuesAndDates() {
    long id = make(1, Optional.of(key("ada")), 100);
    set(id, "city", "London", 150);

    T found = find(1, id).orElseThrow();
    assertEquals(id, found.id());
    assertEquals(1, found.portalId());
    assertEquals(Instant.ofEpochMilli(100), found.createdAt());
    assertEquals(Instant.ofEpochMilli(100), found.updatedAt());
    assertEquals(Map.of("city", "London"), found.properties());
    assertEquals(Map.of(key("ada"), id), idsByKey(1, key("ada"), key("nobody")));
  }

  @Test
  void reservedIdsAreConsecutiveAndNeverGivenTwiceAcrossTypes() {
    long first = in(s -> s.reserveIds(3));
    long next = in(s -> s.reserveIds(1));
    long other = in(s -> otherType.reserveIds(2));

    assertTrue(next >= first + 3, "a reserved id was given again: " + first + ", then " + next);
    assertTrue(other > next, "the other type was given a reserved id: " + other);
    long made = make(1, "after");
    assertTrue(made > other, "a created object took a reserved id: " + made);
  }

  @Test
  void keysAreComparedAsGivenSinceTheCallerMakesThemCanonical() {
    long id = make(1, "case");

    assertEquals(Map.of(key("case"), id), idsByKey(1, key("case"), otherForm("case")));
  }

  @Test
  void aTakenKeyIsNotCreatedTwiceButIsFreeInAnotherPortal() {
    long mine = make(1, "taken");

    assertThrows(RuntimeException.class, () -> make(1, "taken"));
    long theirs = make(2, "taken");
    assertEquals(Map.of(key("taken"), mine), idsByKey(1, key("taken")));
    assertEquals(Map.of(key("taken"), theirs), idsByKey(2, key("taken")));
  }

  @Test
  void objectsWithoutAKeyNeverConflict() {
    long one = make(1, Optional.empty(), 100);
    long two = make(1, Optional.empty(), 100);

    assertEquals(Set.of(one, two), read(s -> s.liveIds(1, List.of(one, two))));
  }

  @Test
  void aPortalNeverSeesAnotherPortalsObjectsNorObjectsOfTheOtherType() {
    long mine = make(1, "mine");
    long theirs = make(2, "theirs");
    long otherType = in(s -> {
      long id = this.otherType.reserveIds(1);
      this.otherType.create(List.of(new NewObject(id, 1, Optional.empty(), 100)));
      return id;
    });
    List<Long> all = List.of(mine, theirs, otherType, 999_999L);

    assertEquals(Set.of(mine), read(s -> s.findAll(1, all).keySet()));
    assertEquals(Set.of(mine), read(s -> s.liveIds(1, all)));
    assertEquals(Optional.empty(), find(1, theirs));
    assertEquals(Optional.empty(), find(2, mine));
    assertEquals(Map.of(), idsByKey(2, key("mine")));
    assertEquals(List.of(mine), read(s -> s.page(1, 0, 10)).stream().map(CrmObject::id).toList());
    assertTrue((boolean) read(s -> s.isLive(2, theirs)));
    assertFalse((boolean) read(s -> s.isLive(1, otherType)), "an object of the other type is live here");
  }

  @Test
  void archivingHidesTheObjectAndFreesItsKeyButLeavesAnotherPortalsAlone() {
    long gone = make(1, "gone");
    long theirs = make(2, "theirs");

    run(s -> s.archive(1, List.of(gone, theirs), 200));

    assertEquals(Optional.empty(), find(1, gone));
    assertEquals(Set.of(), read(s -> s.liveIds(1, List.of(gone))));
    assertEquals(List.of(), read(s -> s.page(1, 0, 10)));
    assertEquals(Map.of(), idsByKey(1, key("gone")));
    assertTrue(find(2, theirs).isPresent(), "another portal's object was archived");
    long again = make(1, "gone");
    assertEquals(Map.of(key("gone"), again), idsByKey(1, key("gone")));
  }

  @Test
  void pagesListLiveObjectsInIdOrderFromTheGivenIdOn() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(make(1, "page" + i));
    }
    make(2, "elsewhere");
    run(s -> s.archive(1, List.of(ids.get(2)), 200));

    assertEquals(List.of(ids.get(0), ids.get(1)), pageIds(0, 2));
    assertEquals(List.of(ids.get(1), ids.get(3)), pageIds(ids.get(1), 2));
    assertEquals(List.of(ids.get(4)), pageIds(ids.get(4), 10));
    assertEquals(List.of(), pageIds(ids.get(4) + 1, 10));
  }

  private List<Long> pageIds(long from, int limit) {
    return read(s -> s.page(1, from, limit)).stream().map(CrmObject::id).toList();
  }

  @Test
  void applyingSetsAndClearsValuesAndValuesReadsSomeOrAllOfThem() {
    long ada = make(1, "ada");
    long bob = make(1, "bob");
    run(s -> s.apply(Map.of(ada, List.of(change("city", Optional.of("London"), 100),
        change("jobtitle", Optional.of("Countess"), 100)), bob, List.of(change("city", Optional.of("Oslo"), 100)))));
    run(s -> s.apply(Map.of(ada, List.of(change("jobtitle", Optional.empty(), 200),
        change("city", Optional.of("Paris"), 200)))));

    assertEquals(Map.of(ada, Map.of("city", "Paris"), bob, Map.of("city", "Oslo")),
        read(s -> s.values(List.of(ada, bob), List.of())));
    assertEquals(Map.of(ada, Map.of("city", "Paris")), read(s -> s.values(List.of(ada), List.of("jobtitle", "city"))));
    assertEquals(Map.of(), read(s -> s.values(List.of(bob), List.of("jobtitle"))));
    assertEquals(Map.of("city", "Paris"), find(1, ada).orElseThrow().properties());
  }

  @Test
  void historyListsEveryChangeNewestFirstWithItsSourceAndAClearAsEmpty() {
    long id = make(1, "history");
    set(id, "city", "London", 100);
    run(s -> s.apply(Map.of(id, List.of(new PropertyChange("city", Optional.of("Oslo"), 300,
        ChangeSource.EVENTS_API), new PropertyChange("jobtitle", Optional.of("Pilot"), 200, ChangeSource.SEGMENT)))));
    run(s -> s.apply(Map.of(id, List.of(change("city", Optional.empty(), 400)))));

    assertEquals(List.of(
        new HistoryEntry("city", "", 400, "API", Optional.empty()),
        new HistoryEntry("city", "Oslo", 300, "ANALYTICS", Optional.of("events-http-api")),
        new HistoryEntry("jobtitle", "Pilot", 200, "INTEGRATION", Optional.of("segment")),
        new HistoryEntry("city", "London", 100, "API", Optional.empty())),
        read(s -> s.history(id, List.of("city", "jobtitle"))));
    assertEquals(List.of("Pilot"), read(s -> s.history(id, List.of("jobtitle"))).stream()
        .map(HistoryEntry::value).toList());
    assertEquals(List.of(), read(s -> s.history(id, List.of())));
  }

  @Test
  void changesAtTheSameInstantListTheLaterRecordedFirst() {
    long id = make(1, "tie");
    set(id, "city", "First", 100);
    set(id, "city", "Second", 100);

    assertEquals(List.of("Second", "First"), read(s -> s.history(id, List.of("city"))).stream()
        .map(HistoryEntry::value).toList());
  }

  @Test
  void historyShowsAtMostTheNewestEntriesOfEachProperty() {
    long id = make(1, "long-history");
    int kept = ObjectStore.HISTORY_PER_PROPERTY;
    for (int i = 0; i < kept + 5; i++) {
      set(id, "city", "City " + i, 100 + i);
    }
    set(id, "jobtitle", "Pilot", 50);

    List<HistoryEntry> history = read(s -> s.history(id, List.of("city", "jobtitle")));
    assertEquals(kept + 1, history.size());
    assertEquals("City " + (kept + 4), history.get(0).value());
    assertEquals("City 5", history.get(kept - 1).value());
    assertEquals("Pilot", history.get(kept).value());
  }

  @Test
  void touchingMovesTheLastModifiedTimeForwardButNeverBack() {
    long id = make(1, Optional.empty(), 100);

    run(s -> s.touch(Map.of(id, 300L)));
    assertEquals(Instant.ofEpochMilli(300), find(1, id).orElseThrow().updatedAt());
    run(s -> s.touch(Map.of(id, 200L)));
    assertEquals(Instant.ofEpochMilli(300), find(1, id).orElseThrow().updatedAt());
    assertEquals(Instant.ofEpochMilli(100), find(1, id).orElseThrow().createdAt());
  }

  @Test
  void rekeyingReplacesOrRemovesTheKeyAndFreesTheOldOne() {
    long ada = make(1, "ada");
    long bob = make(1, "bob");
    long keyless = make(1, Optional.empty(), 100);

    run(s -> s.rekey(1, Map.of(ada, Optional.of(key("augusta")), bob, Optional.empty(),
        keyless, Optional.of(key("new")))));

    assertEquals(Map.of(key("augusta"), ada, key("new"), keyless),
        idsByKey(1, key("ada"), key("bob"), key("augusta"), key("new")));
    assertEquals(Map.of(key("ada"), make(1, "ada")), idsByKey(1, key("ada")));
    assertThrows(RuntimeException.class, () -> run(s -> s.rekey(1, Map.of(bob, Optional.of(key("augusta"))))));
  }

  @Test
  void aCustomUniqueValueFindsItsObjectInItsPortalOnly() {
    defineUnique(1, "vat_number");
    defineUnique(2, "vat_number");
    long mine = make(1, Optional.empty(), 100);
    long theirs = make(2, Optional.empty(), 100);
    index(mine, "vat_number", Optional.of("NO123"));
    index(theirs, "vat_number", Optional.of("SE999"));

    assertEquals(Optional.of(mine), read(s -> s.idByUniqueValue(1, "vat_number", "NO123")));
    assertEquals(Optional.empty(), read(s -> s.idByUniqueValue(1, "vat_number", "SE999")));
    assertEquals(Optional.empty(), read(s -> s.idByUniqueValue(2, "vat_number", "NO123")));
    assertEquals(Optional.empty(), read(s -> s.idByUniqueValue(1, "vat_number", "no123")));
  }

  @Test
  void onlyCustomPropertiesWithUniqueValuesAreIndexed() {
    defineUnique(1, "vat_number");
    long id = make(1, "keyed");
    index(id, "city", Optional.of("Oslo"));
    index(id, "vat_number", Optional.of("NO123"));
    index(id, type().key().property(), Optional.of(key("other")));

    assertEquals(Optional.empty(), read(s -> s.idByUniqueValue(1, "city", "Oslo")));
    assertEquals(Optional.empty(), read(s -> s.idByUniqueValue(1, type().key().property(), key("keyed"))));
    assertEquals(Map.of(key("keyed"), id), idsByKey(1, key("keyed"), key("other")));
    assertEquals(Optional.of(id), read(s -> s.idByUniqueValue(1, "vat_number", "NO123")));
  }

  @Test
  void aClearedOrArchivedUniqueValueIsFreeAgainButATakenOneFails() {
    defineUnique(1, "vat_number");
    long first = make(1, Optional.empty(), 100);
    long second = make(1, Optional.empty(), 100);
    index(first, "vat_number", Optional.of("NO123"));

    assertThrows(RuntimeException.class, () -> index(second, "vat_number", Optional.of("NO123")));
    index(first, "vat_number", Optional.empty());
    index(second, "vat_number", Optional.of("NO123"));
    assertEquals(Optional.of(second), read(s -> s.idByUniqueValue(1, "vat_number", "NO123")));
    run(s -> s.archive(1, List.of(second), 200));
    assertEquals(Optional.empty(), read(s -> s.idByUniqueValue(1, "vat_number", "NO123")));
    index(first, "vat_number", Optional.of("NO123"));
    assertEquals(Optional.of(first), read(s -> s.idByUniqueValue(1, "vat_number", "NO123")));
  }

  @Test
  void archivingAUniquePropertyFreesItsValues() {
    defineUnique(1, "vat_number");
    long id = make(1, Optional.empty(), 100);
    index(id, "vat_number", Optional.of("NO123"));

    assertTrue((boolean) in(s -> definitions.archive(1, type(), "vat_number")));
    assertEquals(Optional.empty(), read(s -> s.idByUniqueValue(1, "vat_number", "NO123")));
  }

  @Test
  void archivingAPropertyThatIsNotThereFreesNoValue() {
    long id = make(1, "kept");
    String key = type().key().property();

    assertFalse((boolean) in(s -> definitions.archive(1, type(), key)));

    assertEquals(Map.of(key("kept"), id), idsByKey(1, key("kept")));
  }

  @Test
  void manyObjectsAtOnceAreCreatedReadAndArchivedAlike() {
    int count = 1_200;
    List<Long> ids = in(s -> {
      long first = s.reserveIds(count);
      List<NewObject> made = new ArrayList<>();
      Map<Long, List<PropertyChange>> values = new HashMap<>();
      for (int i = 0; i < count; i++) {
        made.add(new NewObject(first + i, 1, Optional.of(key("many" + i)), 100));
        values.put(first + i, List.of(change("city", Optional.of("City " + i), 100)));
      }
      s.create(made);
      s.apply(values);
      return made.stream().map(NewObject::id).toList();
    });
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      keys.add(key("many" + i));
    }

    assertEquals(count, read(s -> s.idsByKey(1, keys)).size());
    Map<Long, T> found = read(s -> s.findAll(1, ids));
    assertEquals(count, found.size());
    assertEquals("City 7", found.get(ids.get(7)).properties().get("city"));
    assertEquals(count, read(s -> s.values(ids, List.of("city"))).size());
    assertEquals(count, read(s -> s.liveIds(1, ids)).size());
    run(s -> s.archive(1, ids, 200));
    assertEquals(Set.of(), read(s -> s.liveIds(1, ids)));
    assertEquals(Map.of(), read(s -> s.idsByKey(1, keys)));
  }

  @Test
  void valuesReadsEveryNamedValueHoweverManyNamesItIsAsked() {
    long ada = make(1, "ada");
    Map<String, String> set = new HashMap<>();
    for (int i = 0; i < 40; i++) {
      set.put("prop" + i, "value " + i);
      set(ada, "prop" + i, "value " + i, 100);
    }
    List<String> asked = new ArrayList<>(set.keySet());
    asked.add("unset");

    assertEquals(Map.of(ada, set), read(s -> s.values(List.of(ada), asked)));
  }

  private void defineUnique(long portal, String name) {
    assertTrue((boolean) in(s -> definitions.create(portal, type(), new PropertyDefinition(name, name, PropertyType.STRING,
        "text", "group", "", List.of(), true, false, false, false))));
  }

  private void index(long id, String name, Optional<String> value) {
    run(s -> s.indexUnique(Map.of(id, List.of(change(name, value, 100)))));
  }
}
