package io.spoor.crm;

import static io.spoor.crm.AnalyticsTest.EARLY;
import static io.spoor.crm.AnalyticsTest.EARLY_TOO;
import static io.spoor.crm.AnalyticsTest.LATE;
import static io.spoor.crm.AnalyticsTest.visits;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.crm.ObjectStore.NewObject;
import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contact store's SQL adds analytics exactly as {@link Analytics#plus} does, whether hits
 * come one batch at a time, coalesced in one batch, or as a merged contact's totals.
 */
@ExtendWith(TempStore.class)
class SqlContactAnalyticsTest {
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

  @Test
  void addingAnalyticsOneAfterAnotherInSqlEndsWhereTheJavaRuleDoes(Database db) {
    assertEveryTripleAgrees(db, false);
  }

  @Test
  void addingTheJavaSumOnceInSqlEndsWhereAddingEachDoes(Database db) {
    assertEveryTripleAgrees(db, true);
  }

  private static void assertEveryTripleAgrees(Database db, boolean coalesced) {
    SqlContactStore contacts = new SqlContactStore(db);
    List<List<Analytics>> triples = new ArrayList<>();
    for (Analytics a : ADDED) {
      for (Analytics b : ADDED) {
        for (Analytics c : ADDED) {
          triples.add(List.of(a, b, c));
        }
      }
    }
    long first = 1_000;
    db.inTransaction(() -> {
      List<NewObject> created = new ArrayList<>();
      for (int i = 0; i < triples.size(); i++) {
        created.add(new NewObject(first + i, 1, Optional.of("c" + i + "@example.com"), 50));
      }
      contacts.create(created);
      for (int i = 0; i < triples.size(); i++) {
        long id = first + i;
        if (coalesced) {
          contacts.addAnalytics(Map.of(id, sum(triples.get(i))));
        } else {
          triples.get(i).forEach(added -> contacts.addAnalytics(Map.of(id, added)));
        }
      }
    });
    Map<Long, Contact> stored = db.read(() -> contacts.findAll(1, created(first, triples.size())));
    for (int i = 0; i < triples.size(); i++) {
      assertEquals(sum(triples.get(i)), stored.get(first + i).analytics(), "added " + triples.get(i));
    }
  }

  private static Analytics sum(List<Analytics> added) {
    return added.stream().reduce(Analytics.NONE, Analytics::plus);
  }

  private static List<Long> created(long first, int count) {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(first + i);
    }
    return ids;
  }
}
