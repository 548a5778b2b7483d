package io.spoor.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The heap ceiling watches only a heap that may grow past it, and collects only when it helps. */
class HeapCeilingTest {
  @Test
  void aHeapCappedUnderTheCeilingIsLeftAlone() {
    try (HeapCeiling ceiling = HeapCeiling.start(Runtime.getRuntime().maxMemory())) {
      assertFalse(ceiling.watching());
    }
  }

  @Test
  void aCeilingOfZeroNeverWatches() {
    try (HeapCeiling ceiling = HeapCeiling.start(0)) {
      assertFalse(ceiling.watching());
    }
  }

  @Test
  void aHeapCommittedPastTheCeilingIsCollected() {
    HeapCeiling.Policy policy = new HeapCeiling.Policy(256);
    assertFalse(policy.due(256));
    assertTrue(policy.due(257));
    assertFalse(policy.collected(200), "a collection that got under the ceiling moves nothing");
    assertTrue(policy.due(257));
  }

  @Test
  void moreLiveThanTheCeilingIsCollectedAgainOnlyOnceTheHeapDoubled() {
    HeapCeiling.Policy policy = new HeapCeiling.Policy(256);
    assertTrue(policy.due(400));
    assertTrue(policy.collected(300));
    assertFalse(policy.due(300), "the check right after would collect again for nothing");
    assertFalse(policy.due(600));
    assertTrue(policy.due(601));
  }

  @Test
  void aHeapBackUnderTheCeilingIsWatchedAtTheCeilingAgain() {
    HeapCeiling.Policy policy = new HeapCeiling.Policy(256);
    policy.due(400);
    policy.collected(300);
    assertFalse(policy.due(250));
    assertTrue(policy.due(257));
  }
}
