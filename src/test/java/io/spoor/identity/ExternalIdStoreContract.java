package io.spoor.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.StoreContract;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link ExternalIdStore} does; an implementation's test only makes the store. */
abstract class ExternalIdStoreContract extends StoreContract<ExternalIdStore> {
  @Test
  void anIdIsLinkedToTheFirstContactOnlyPerPortal() {
    assertTrue((boolean) in(s -> s.linkIfAbsent(1, "crm-7", 70, 1_000)));
    assertFalse((boolean) in(s -> s.linkIfAbsent(1, "crm-7", 71, 2_000)));
    assertTrue((boolean) in(s -> s.linkIfAbsent(2, "crm-7", 80, 2_000)), "another portal's id is another id");

    assertEquals(Optional.of(70L), read(s -> s.contactFor(1, "crm-7")));
    assertEquals(Optional.of(80L), read(s -> s.contactFor(2, "crm-7")));
    assertEquals(Optional.empty(), read(s -> s.contactFor(1, "crm-8")));
  }

  @Test
  void relinkingReplacesTheLinkOrMakesOne() {
    run(s -> s.linkIfAbsent(1, "crm-7", 70, 1_000));

    run(s -> s.relink(1, "crm-7", 71, 2_000));
    run(s -> s.relink(1, "crm-8", 72, 2_000));

    assertEquals(Optional.of(71L), read(s -> s.contactFor(1, "crm-7")));
    assertEquals(Optional.of(72L), read(s -> s.contactFor(1, "crm-8")));
  }

  @Test
  void aMergeMovesEveryIdOfTheContactWithinItsPortal() {
    run(s -> s.linkIfAbsent(1, "a", 70, 1_000));
    run(s -> s.linkIfAbsent(1, "b", 70, 1_000));
    run(s -> s.linkIfAbsent(2, "c", 70, 1_000));

    run(s -> s.reassign(1, 70, 90));

    assertEquals(Optional.of(90L), read(s -> s.contactFor(1, "a")));
    assertEquals(Optional.of(90L), read(s -> s.contactFor(1, "b")));
    assertEquals(Optional.of(70L), read(s -> s.contactFor(2, "c")), "another portal's contact 70 kept its id");
  }

  @Test
  void removingAContactsIdsReturnsThemAndUnlinksThem() {
    run(s -> s.linkIfAbsent(1, "a", 70, 1_000));
    run(s -> s.linkIfAbsent(1, "b", 70, 1_000));
    run(s -> s.linkIfAbsent(1, "c", 71, 1_000));

    assertEquals(List.of("a", "b"), in(s -> s.removeAll(1, 70)).stream().sorted().toList());

    assertEquals(Optional.empty(), read(s -> s.contactFor(1, "a")));
    assertEquals(Optional.of(71L), read(s -> s.contactFor(1, "c")));
    assertEquals(List.of(), in(s -> s.removeAll(1, 70)));
  }
}
