package io.spoor.app;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** The heap ceiling watches only a heap that may grow past it. */
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
}
