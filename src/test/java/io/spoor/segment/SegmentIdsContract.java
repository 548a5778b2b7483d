package io.spoor.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.testkit.StoreContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SegmentIds} does: one namespace of ids per portal, each tied to at most one
 * contact and one visitor token, the latest tie winning; an implementation's test only makes the store.
 */
abstract class SegmentIdsContract extends StoreContract<SegmentIds> {
  @Test
  void anUnknownIdHasNeitherContactNorVisitor() {
    assertEquals(Optional.empty(), read(s -> s.contactFor(1, "nobody")));
    assertEquals(Optional.empty(), read(s -> s.visitorFor(1, "nobody")));
  }

  @Test
  void anIdTiedToAContactFindsItAndTheLatestTieWins() {
    run(s -> s.tie(1, "user-1", 70, 100));
    assertEquals(Optional.of(70L), read(s -> s.contactFor(1, "user-1")));

    run(s -> s.tie(1, "user-1", 71, 200));
    assertEquals(Optional.of(71L), read(s -> s.contactFor(1, "user-1")));
  }

  @Test
  void aContactAndAVisitorTokenAreKeptSideBySideWithoutReplacingEachOther() {
    run(s -> s.tieVisitor(1, "anon-1", "utk-a", 100));
    assertEquals(Optional.empty(), read(s -> s.contactFor(1, "anon-1")), "a visitor alone is no contact");

    run(s -> s.tie(1, "anon-1", 70, 200));
    run(s -> s.tieVisitor(1, "anon-1", "utk-b", 300));

    assertEquals(Optional.of(70L), read(s -> s.contactFor(1, "anon-1")));
    assertEquals(Optional.of("utk-b"), read(s -> s.visitorFor(1, "anon-1")));
  }

  @Test
  void idsAreComparedExactlyAndEachPortalHasItsOwn() {
    run(s -> s.tie(1, "User-1", 70, 100));
    run(s -> s.tie(2, "User-1", 80, 100));

    assertEquals(Optional.of(70L), read(s -> s.contactFor(1, "User-1")));
    assertEquals(Optional.of(80L), read(s -> s.contactFor(2, "User-1")));
    assertEquals(Optional.empty(), read(s -> s.contactFor(1, "user-1")));
    assertEquals(Optional.empty(), read(s -> s.contactFor(3, "User-1")));
  }

  @Test
  void theIdsOfABatchAreFoundTogetherHoweverManyAndOnlyThoseTied() {
    List<SegmentIds.Tie> ties = IntStream.range(0, 250).mapToObj(i -> new SegmentIds.Tie(1, "user-" + i, 1_000 + i, 100))
        .toList();
    run(s -> s.tieAll(ties));
    run(s -> s.tie(2, "user-0", 99, 100));
    List<String> asked = new ArrayList<>(ties.stream().map(SegmentIds.Tie::segmentId).toList());
    asked.add("nobody");

    Map<String, SegmentIds.Kept> found = read(s -> s.find(1, asked));

    assertEquals(ties.size(), found.size());
    ties.forEach(t -> assertEquals(Optional.of(t.contactId()), found.get(t.segmentId()).contact()));
  }
}
