package io.spoor.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.testkit.StoreContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link EventDetailsStore} does; an implementation's test only makes the store. */
abstract class EventDetailsStoreContract extends StoreContract<EventDetailsStore> {
  private static final EventDetails PLAN = new EventDetails("Plan chosen", "A plan was picked",
      List.of(new EventDetails.EventProperty("plan", "Plan", "enumeration"),
          new EventDetails.EventProperty("seats", "Seats", "number")));

  @Test
  void savedDetailsAreFoundByDefinitionIdWithTheirPropertiesInOrder() {
    run(s -> s.save(1, PLAN));
    run(s -> s.save(2, new EventDetails("Empty", "", List.of())));

    assertEquals(Map.of(1L, PLAN, 2L, new EventDetails("Empty", "", List.of())),
        read(s -> s.find(List.of(1L, 2L, 3L))));
    assertEquals(Map.of(), read(s -> s.find(List.of())));
  }

  @Test
  void savingAgainReplacesTheDetails() {
    run(s -> s.save(1, PLAN));
    EventDetails changed = new EventDetails("Plan", "changed", List.of(PLAN.properties().get(1)));

    run(s -> s.save(1, changed));

    assertEquals(Map.of(1L, changed), read(s -> s.find(List.of(1L))));
  }
}
