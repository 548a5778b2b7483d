package io.spoor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.StoreContract;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link AppliedHits} does; an implementation's test only makes the store. */
abstract class AppliedHitsContract extends StoreContract<AppliedHits> {
  @Test
  void recordedIdsAreFoundWithTheirFingerprintsAndOthersAreNot() {
    run(s -> s.record(List.of("named", "edge"), Map.of("named", "fp-1"), 1_000));

    assertEquals(Map.of("named", Optional.of("fp-1"), "edge", Optional.empty()),
        read(s -> s.recorded(List.of("named", "edge", "never", "named"))));
  }

  @Test
  void idsAppliedBeforeTheCutoffAreForgotten() {
    run(s -> s.record(List.of("old"), Map.of(), 1_000));
    run(s -> s.record(List.of("new"), Map.of(), 2_000));

    run(s -> s.forgetBefore(2_000));

    assertEquals(Map.of("new", Optional.empty()), read(s -> s.recorded(List.of("old", "new"))));
  }

  @Test
  void aLogsPositionStartsAtZeroAndIsKeptPerLog() {
    assertEquals(0, (long) read(s -> s.position("local")));

    run(s -> s.advance("local", 7));
    run(s -> s.advance("local", 12));
    run(s -> s.advance("other", 3));

    assertEquals(12, (long) read(s -> s.position("local")));
    assertEquals(3, (long) read(s -> s.position("other")));
  }

  @Test
  void manyIdsAreLookedUpAtOnce() {
    List<String> ids = java.util.stream.IntStream.range(0, 1_200).mapToObj(i -> "h" + i).toList();
    run(s -> s.record(ids, Map.of(), 1_000));

    assertEquals(1_200, read(s -> s.recorded(ids)).size());
  }

  @Test
  void aPartitionsOffsetMovesOnlyFromTheOffsetStoredAndIsKeptPerTopicAndPartition() {
    assertEquals(AppliedHits.NO_OFFSET, (long) read(s -> s.nextOffset("hits", 0)));

    assertTrue((boolean) in(s -> s.moveOffset("hits", 0, AppliedHits.NO_OFFSET, 5)));
    assertFalse((boolean) in(s -> s.moveOffset("hits", 0, AppliedHits.NO_OFFSET, 7)), "another processor stored one first");
    assertFalse((boolean) in(s -> s.moveOffset("hits", 0, 4, 7)), "the offset moved on from where this batch began");
    assertTrue((boolean) in(s -> s.moveOffset("hits", 0, 5, 9)));
    assertTrue((boolean) in(s -> s.moveOffset("hits", 1, AppliedHits.NO_OFFSET, 2)));

    assertEquals(9, (long) read(s -> s.nextOffset("hits", 0)));
    assertEquals(2, (long) read(s -> s.nextOffset("hits", 1)));
    assertEquals(AppliedHits.NO_OFFSET, (long) read(s -> s.nextOffset("other-hits", 0)));
  }
}
