package io.spoor.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.StoreContract;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link EventDefinitionStore} does; an implementation's test only makes the store. */
abstract class EventDefinitionStoreContract extends StoreContract<EventDefinitionStore> {
  private List<String> names(String prefix, long afterId, int limit) {
    return read(s -> s.list(1, prefix, afterId, limit).stream().map(EventDefinition::name).toList());
  }

  @Test
  void aCreatedDefinitionIsFoundByIdAndByNameInItsPortalOnly() {
    EventDefinition made = in(s -> s.create(1, "signup", Origin.DYNAMIC, 1_000));

    assertEquals(new EventDefinition(made.id(), 1, "signup", Origin.DYNAMIC, 0, Instant.ofEpochMilli(1_000),
        Optional.empty()), made);
    assertEquals(Optional.of(made), read(s -> s.findById(1, made.id())));
    assertEquals(Optional.empty(), read(s -> s.findById(2, made.id())));
    assertEquals(List.of(made), read(s -> s.findByName(1, "signup")));
    assertEquals(List.of(), read(s -> s.findByName(2, "signup")));
  }

  @Test
  void aDeletedDefinitionStaysFoundByNameButIsNoLongerLive() {
    EventDefinition first = in(s -> s.create(1, "signup", Origin.DYNAMIC, 1_000));

    assertTrue((boolean) in(s -> s.delete(1, first.id(), 2_000)));
    assertFalse((boolean) in(s -> s.delete(1, first.id(), 3_000)), "deleted twice");
    EventDefinition second = in(s -> s.create(1, "signup", Origin.APP, 4_000));

    assertEquals(Optional.of(Instant.ofEpochMilli(2_000)), read(s -> s.findById(1, first.id())).orElseThrow()
        .deletedAt());
    assertEquals(List.of(first.id(), second.id()), read(s -> s.findByName(1, "signup")).stream()
        .map(EventDefinition::id).toList());
    assertEquals(Optional.of(second), read(s -> s.findLiveByName(1, "signup")));
    assertEquals(0, (long) read(s -> s.countLive(1, Origin.DYNAMIC)));
    assertEquals(1, (long) read(s -> s.countLive(1, Origin.APP)));
  }

  @Test
  void liveDefinitionsAreListedByNamePrefixInIdOrderAndCounted() {
    long a = in(s -> s.create(1, "pe1_a", Origin.APP, 0)).id();
    run(s -> s.create(1, "other", Origin.DYNAMIC, 0));
    long b = in(s -> s.create(1, "pe1_b", Origin.APP, 0)).id();
    run(s -> s.create(1, "pe1_c", Origin.APP, 0));
    run(s -> s.create(2, "pe1_elsewhere", Origin.APP, 0));
    run(s -> s.delete(1, b, 1));

    assertEquals(List.of("pe1_a", "pe1_c"), names("pe1_", 0, 10));
    assertEquals(List.of("pe1_c"), names("pe1_", a, 10));
    assertEquals(List.of("pe1_a", "other"), names("", 0, 2));
    assertEquals(2, (long) read(s -> s.countNamed(1, "pe1_")));
    assertEquals(3, (long) read(s -> s.countNamed(1, "")));
  }

  @Test
  void completionsAreAddedToEachDefinitionsCount() {
    long a = in(s -> s.create(1, "a", Origin.DYNAMIC, 0)).id();
    long b = in(s -> s.create(1, "b", Origin.DYNAMIC, 0)).id();

    run(s -> s.addCompletions(Map.of(a, 2L, b, 5L)));
    run(s -> s.addCompletions(Map.of(a, 1L)));
    run(s -> s.addCompletions(Map.of()));

    assertEquals(3, read(s -> s.findById(1, a)).orElseThrow().completions());
    assertEquals(5, read(s -> s.findById(1, b)).orElseThrow().completions());
  }
}
