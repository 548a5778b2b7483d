package io.spoor.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.testkit.StoreContract;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CompletionStore} does. An implementation's test makes the store and says
 * how an event definition is made in the same storage, as a timeline names each completion's event.
 */
abstract class CompletionStoreContract extends StoreContract<CompletionStore> {
  private static final long ADA = 70;
  private static final long GRACE = 71;

  /** Makes a live event definition of portal 1 with this name; returns its id. */
  abstract long define(String name);

  private void complete(long definition, long contact, long at) {
    run(s -> s.insert(List.of(new Completion(1, definition, Optional.of(contact), "hit-" + contact + "-" + at, at,
        OptionalLong.empty(), "test", Map.of()))));
  }

  private List<Long> times(long contact) {
    return read(s -> s.forContact(1, contact, 100, 0).stream().map(CompletionStore.CompletedEvent::occurredAt)
        .toList());
  }

  @Test
  void aContactsCompletionsAreReadNewestFirstWithTheEventsNameAndWhatTheyCarried() {
    long signup = define("signup");
    long upgrade = define("upgrade");
    run(s -> s.insert(List.of(
        new Completion(1, signup, Optional.of(ADA), "h1", 100, OptionalLong.empty(), "api", Map.of("plan", "free")),
        new Completion(1, upgrade, Optional.of(ADA), "h2", 300, OptionalLong.of(12_500_000), "tracker", Map.of()),
        new Completion(1, signup, Optional.empty(), "h3", 200, OptionalLong.empty(), "api", Map.of()),
        new Completion(1, signup, Optional.of(GRACE), "h4", 250, OptionalLong.empty(), "api", Map.of()))));

    List<CompletionStore.CompletedEvent> events = read(s -> s.forContact(1, ADA, 10, 0));

    assertEquals(List.of("upgrade", "signup"), events.stream().map(CompletionStore.CompletedEvent::eventName)
        .toList());
    assertEquals(OptionalLong.of(12_500_000), events.get(0).valueMicros());
    assertEquals("tracker", events.get(0).source());
    assertEquals(Map.of("plan", "free"), events.get(1).properties());
    assertEquals(List.of(signup), read(s -> s.forContact(1, ADA, 1, 1)).stream()
        .map(CompletionStore.CompletedEvent::definitionId).toList());
    assertEquals(List.of(), read(s -> s.forContact(2, ADA, 10, 0)), "another portal's contact 70");
  }

  @Test
  void aMergeMovesTheContactsCompletions() {
    long signup = define("signup");
    complete(signup, ADA, 100);
    complete(signup, GRACE, 200);

    run(s -> s.reassign(1, ADA, GRACE));

    assertEquals(List.of(), times(ADA));
    assertEquals(List.of(200L, 100L), times(GRACE));
  }

  @Test
  void erasingAContactSaysHowManyCompletionsEachEventLost() {
    long signup = define("signup");
    long upgrade = define("upgrade");
    complete(signup, ADA, 100);
    complete(signup, ADA, 200);
    complete(upgrade, ADA, 300);
    complete(signup, GRACE, 400);

    assertEquals(Map.of(signup, 2L, upgrade, 1L), in(s -> s.deleteForContact(1, ADA)));

    assertEquals(List.of(), times(ADA));
    assertEquals(List.of(400L), times(GRACE));
    assertEquals(Map.of(), in(s -> s.deleteForContact(1, ADA)));
  }
}
