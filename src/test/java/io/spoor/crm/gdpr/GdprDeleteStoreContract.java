package io.spoor.crm.gdpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.crm.Analytics;
import io.spoor.crm.ChangeSource;
import io.spoor.crm.ObjectStore.NewObject;
import io.spoor.crm.PropertyChange;
import io.spoor.testkit.ContactKeysContract;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link GdprDeleteStore} does: a contact erased is gone for good with everything
 * kept of it, and nothing of another contact or portal goes with it. An implementation's test
 * makes the store and, with {@code alongside}, the stores of contacts, property definitions and
 * Segment ids over the same data.
 */
abstract class GdprDeleteStoreContract extends ContactKeysContract<GdprDeleteStore> {
  /** A contact with a value, its history, analytics, a custom unique value and a Segment id. */
  private long everything(long portal, String email) {
    return in(s -> {
      defineMemberId(portal);
      long id = newContact(portal, email);
      List<PropertyChange> changes = List.of(new PropertyChange("city", Optional.of("London"), 100, ChangeSource.API),
          new PropertyChange("member_id", Optional.of("M-" + email), 100, ChangeSource.API));
      contacts.apply(Map.of(id, changes));
      contacts.indexUnique(Map.of(id, changes));
      contacts.addAnalytics(Map.of(id, Analytics.event(100, 5)));
      segmentIds.tie(portal, "user-" + email, id, 100);
      segmentIds.tieVisitor(portal, "user-" + email, "utk-" + email, 100);
      return id;
    });
  }

  @Test
  void aContactExistsLiveOrArchivedInItsOwnPortalOnly() {
    long ada = everything(1, "ada@example.com");

    assertTrue((boolean) read(s -> s.exists(1, ada)));
    assertFalse((boolean) read(s -> s.exists(2, ada)));
    assertFalse((boolean) read(s -> s.exists(1, 999_999)));
    run(s -> contacts.archive(1, List.of(ada), 200));
    assertTrue((boolean) read(s -> s.exists(1, ada)), "an archived contact still exists");
  }

  @Test
  void anErasedContactIsGoneWithItsValuesHistoryKeysAndSegmentIds() {
    long ada = everything(1, "ada@example.com");

    run(s -> s.erase(1, ada));

    assertFalse((boolean) read(s -> s.exists(1, ada)));
    assertEquals(Optional.empty(), read(s -> contacts.find(1, ada)));
    assertEquals(Map.of(), read(s -> contacts.values(List.of(ada), List.of())));
    assertEquals(List.of(), read(s -> contacts.history(ada, List.of("city", "member_id"))));
    assertEquals(Map.of(), read(s -> contacts.idsByEmail(1, List.of("ada@example.com"))));
    assertEquals(Optional.empty(), read(s -> contacts.idByUniqueValue(1, "member_id", "M-ada@example.com")));
    assertEquals(Optional.empty(), read(s -> segmentIds.contactFor(1, "user-ada@example.com")));
    assertEquals(Optional.empty(), read(s -> segmentIds.visitorFor(1, "user-ada@example.com")));
  }

  @Test
  void anArchivedContactIsErasedTooAndItsEmailIsFreeAgain() {
    long ada = everything(1, "ada@example.com");
    run(s -> contacts.archive(1, List.of(ada), 200));

    run(s -> s.erase(1, ada));

    assertFalse((boolean) read(s -> s.exists(1, ada)));
    assertEquals(List.of(), read(s -> contacts.history(ada, List.of("city"))));
    long again = in(s -> {
      long id = contacts.reserveIds(1);
      contacts.create(List.of(new NewObject(id, 1, Optional.of("ada@example.com"), 300)));
      return id;
    });
    assertEquals(Map.of("ada@example.com", again), read(s -> contacts.idsByEmail(1, List.of("ada@example.com"))));
  }

  @Test
  void erasingLeavesOtherContactsAndAnotherPortalsContactAlone() {
    long ada = everything(1, "ada@example.com");
    long bob = everything(1, "bob@example.com");
    long theirs = everything(2, "ada@example.com");

    run(s -> s.erase(2, ada));
    run(s -> s.erase(1, theirs));
    run(s -> s.erase(1, 999_999));
    run(s -> s.erase(1, ada));

    for (long[] kept : new long[][] {{1, bob}, {2, theirs}}) {
      long portal = kept[0];
      long id = kept[1];
      assertEquals(Map.of("city", "London", "member_id", "M-" + (id == bob ? "bob" : "ada") + "@example.com"),
          read(s -> contacts.find(portal, id)).orElseThrow().properties());
      assertEquals(Analytics.event(100, 5), read(s -> contacts.find(portal, id)).orElseThrow().analytics());
      assertEquals(1, read(s -> contacts.history(id, List.of("city"))).size());
    }
    assertEquals(Optional.of(theirs), read(s -> segmentIds.contactFor(2, "user-ada@example.com")));
    assertEquals(Optional.of(bob), read(s -> contacts.idByUniqueValue(1, "member_id", "M-bob@example.com")));
  }
}
