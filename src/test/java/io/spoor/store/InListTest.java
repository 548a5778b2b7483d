package io.spoor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class InListTest {
  private final InList list = new InList("k", 3);

  @Test
  void itsTextNamesAsManyValuesAsItHolds() {
    assertEquals(":k0, :k1, :k2", list.sql());
  }

  @Test
  void keysGoInChunksOfItsSizeEachOnceInOrderAndTheLastChunkRepeatsItsLastKey() {
    assertEquals(List.of(List.of("a", "b", "c"), List.of("d", "e", "e")),
        list.chunks(List.of("a", "b", "a", "c", "d", "e")));
    assertEquals(List.of(List.of(7L, 7L, 7L)), list.chunks(List.of(7L)));
    assertEquals(List.of(), list.chunks(List.of()));
  }

  @Test
  void aListHoldsAtLeastOneValue() {
    assertThrows(IllegalArgumentException.class, () -> new InList("k", 0));
  }
}
