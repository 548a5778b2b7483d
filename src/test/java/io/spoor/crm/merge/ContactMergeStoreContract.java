package io.spoor.crm.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.crm.ChangeSource;
import io.spoor.crm.PropertyChange;
import io.spoor.testkit.ContactKeysContract;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ContactMergeStore} does: after moving, each email, custom unique value and
 * Segment id of the merged contact finds the contact it was merged into, in that portal only. An
 * implementation's test makes the store and, with {@code alongside}, the stores of contacts,
 * property definitions and Segment ids over the same data.
 */
abstract class ContactMergeStoreContract extends ContactKeysContract<ContactMergeStore> {
  private long contact(long portal, String email) {
    return in(s -> newContact(portal, email));
  }

  private Map<String, Long> byEmail(long portal, String... emails) {
    return read(s -> contacts.idsByEmail(portal, List.of(emails)));
  }

  @Test
  void lockingAPairAnswersWhichOfThemAreLiveContactsOfThePortal() {
    long ada = contact(1, "ada@example.com");
    long bob = contact(1, "bob@example.com");
    long elsewhere = contact(2, "eve@example.com");
    run(s -> contacts.archive(1, List.of(bob), 200));

    assertEquals(Set.of(ada), in(s -> s.lockLive(1, List.of(bob, ada, elsewhere))));
    assertEquals(Set.of(), in(s -> s.lockLive(1, List.of())));
  }

  @Test
  void theMergedContactsEmailsFindTheContactItWasMergedInto() {
    long ada = contact(1, "ada@example.com");
    long bob = contact(1, "bob@example.com");
    long carol = contact(1, "carol@example.com");
    run(s -> s.moveKeys(1, carol, bob));

    run(s -> s.moveKeys(1, bob, ada));

    assertEquals(Map.of("ada@example.com", ada, "bob@example.com", ada, "carol@example.com", ada),
        byEmail(1, "ada@example.com", "bob@example.com", "carol@example.com"));
  }

  @Test
  void theMergedContactsCustomUniqueValuesMoveToo() {
    run(s -> defineMemberId(1));
    long ada = contact(1, "ada@example.com");
    long bob = contact(1, "bob@example.com");
    run(s -> contacts.indexUnique(Map.of(bob, List.of(new PropertyChange("member_id", Optional.of("M-1"), 100,
        ChangeSource.API)))));

    run(s -> s.moveKeys(1, bob, ada));

    assertEquals(Optional.of(ada), read(s -> contacts.idByUniqueValue(1, "member_id", "M-1")));
  }

  @Test
  void theMergedContactsSegmentIdsFindTheContactItWasMergedIntoWithTheirVisitors() {
    long ada = contact(1, "ada@example.com");
    long bob = contact(1, "bob@example.com");
    run(s -> {
      segmentIds.tie(1, "user-bob", bob, 100);
      segmentIds.tieVisitor(1, "user-bob", "utk-bob", 100);
      segmentIds.tie(1, "user-ada", ada, 100);
    });

    run(s -> s.moveKeys(1, bob, ada));

    assertEquals(Optional.of(ada), read(s -> segmentIds.contactFor(1, "user-bob")));
    assertEquals(Optional.of("utk-bob"), read(s -> segmentIds.visitorFor(1, "user-bob")));
    assertEquals(Optional.of(ada), read(s -> segmentIds.contactFor(1, "user-ada")));
  }

  @Test
  void movingInAnotherPortalMovesNothing() {
    long ada = contact(1, "ada@example.com");
    long bob = contact(1, "bob@example.com");
    run(s -> segmentIds.tie(1, "user-bob", bob, 100));

    run(s -> s.moveKeys(2, bob, ada));

    assertEquals(Map.of("bob@example.com", bob), byEmail(1, "bob@example.com"));
    assertEquals(Optional.of(bob), read(s -> segmentIds.contactFor(1, "user-bob")));
  }
}
