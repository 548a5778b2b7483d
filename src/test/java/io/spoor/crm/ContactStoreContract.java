package io.spoor.crm;

import static io.spoor.crm.AnalyticsTest.EARLY;
import static io.spoor.crm.AnalyticsTest.EARLY_TOO;
import static io.spoor.crm.AnalyticsTest.LATE;
import static io.spoor.crm.AnalyticsTest.visits;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.crm.ObjectStore.NewObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ContactStore} does beyond any {@link ObjectStore}: contacts are keyed by
 * their lowercase email, and hits add to their analytics exactly as {@link Analytics#plus} does,
 * whether they come one batch at a time, coalesced in one batch, or as a merged contact's totals.
 */
abstract class ContactStoreContract extends ObjectStoreContract<Contact, ContactStore> {
  /** Events and visits whose times tie with each other's in every way that matters. */
  private static final List<Analytics> ADDED = List.of(
      Analytics.NONE,
      Analytics.event(100, 1_000_000),
      Analytics.event(300, 0),
      visits(1, 1, 100, 100, EARLY, "https://a.example/1"),
      visits(1, 1, 100, 100, EARLY_TOO, "https://c.example/2"),
      visits(2, 1, 200, 200, LATE, "https://b.example/3"),
      visits(1, 0, 300, 300, LATE, "https://b.example/4"),
      visits(3, 2, 100, 400, EARLY_TOO, "https://c.example/5"));

  @Override
  ObjectType type() {
    return ObjectType.CONTACT;
  }

  @Override
  String key(String stem) {
    return stem + "@example.com";
  }

  @Override
  String otherForm(String stem) {
    return stem.toUpperCase(Locale.ROOT) + "@Example.com";
  }

  @Test
  void contactsAreFoundByTheirEmail() {
    long ada = make(1, "ada");

    assertEquals(Map.of(key("ada"), ada), read(s -> s.idsByEmail(1, List.of(key("ada"), key("bob")))));
  }

  @Test
  void aNewContactHasNoAnalyticsAndAddingToOneLeavesTheOthersAlone() {
    long ada = make(1, "ada");
    long bob = make(1, "bob");

    run(s -> s.addAnalytics(Map.of(ada, Analytics.event(100, 5))));

    assertEquals(Analytics.event(100, 5), read(s -> s.find(1, ada)).orElseThrow().analytics());
    assertEquals(Analytics.NONE, read(s -> s.find(1, bob)).orElseThrow().analytics());
  }

  @Test
  void addingAnalyticsOneAfterAnotherEndsWhereTheJavaRuleDoes() {
    assertEveryTripleAgrees(false);
  }

  @Test
  void addingTheJavaSumOnceEndsWhereAddingEachDoes() {
    assertEveryTripleAgrees(true);
  }

  private void assertEveryTripleAgrees(boolean coalesced) {
    List<List<Analytics>> triples = new ArrayList<>();
    for (Analytics a : ADDED) {
      for (Analytics b : ADDED) {
        for (Analytics c : ADDED) {
          triples.add(List.of(a, b, c));
        }
      }
    }
    List<Long> ids = in(s -> {
      long first = s.reserveIds(triples.size());
      List<NewObject> created = new ArrayList<>();
      for (int i = 0; i < triples.size(); i++) {
        created.add(new NewObject(first + i, 1, Optional.of("c" + i + "@example.com"), 50));
      }
      s.create(created);
      for (int i = 0; i < triples.size(); i++) {
        long id = first + i;
        if (coalesced) {
          s.addAnalytics(Map.of(id, sum(triples.get(i))));
        } else {
          triples.get(i).forEach(added -> s.addAnalytics(Map.of(id, added)));
        }
      }
      return created.stream().map(NewObject::id).toList();
    });
    Map<Long, Contact> stored = read(s -> s.findAll(1, ids));
    for (int i = 0; i < triples.size(); i++) {
      assertEquals(sum(triples.get(i)), stored.get(ids.get(i)).analytics(), "added " + triples.get(i));
    }
  }

  private static Analytics sum(List<Analytics> added) {
    return added.stream().reduce(Analytics.NONE, Analytics::plus);
  }
}
