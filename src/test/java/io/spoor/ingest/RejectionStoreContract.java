package io.spoor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.testkit.StoreContract;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What every {@link RejectionStore} does; an implementation's test only makes the store. */
abstract class RejectionStoreContract extends StoreContract<RejectionStore> {
  private static Rejection rejection(long portal, String hitId) {
    return new Rejection(0, portal, hitId, RejectReason.INVALID_EMAIL, Outcome.PARTIALLY_APPLIED, "bad email",
        List.of(new RejectedPart(RejectReason.INVALID_EMAIL, "email: not-an-email"),
            new RejectedPart(RejectReason.UNKNOWN_EVENT_ID, "event 42")), 3, "_a=" + portal + "&email=x", 1_000);
  }

  private void add(long portal, String... hitIds) {
    List<Rejection> all = new ArrayList<>();
    for (String id : hitIds) {
      all.add(rejection(portal, id));
    }
    run(s -> s.add(all));
  }

  private List<String> hitIds(long portal, int limit, OptionalLong before) {
    return read(s -> s.list(portal, limit, before).stream().map(Rejection::hitId).toList());
  }

  @Test
  void aRejectionIsKeptWithItsPartsAndAnIdOfItsOwn() {
    add(1, "h1");

    Rejection kept = read(s -> s.list(1, 10, OptionalLong.empty())).get(0);

    Rejection sent = rejection(1, "h1");
    assertEquals(new Rejection(kept.id(), 1, "h1", sent.reason(), sent.outcome(), sent.detail(), sent.parts(),
        sent.moreParts(), sent.params(), sent.receivedAt()), kept);
  }

  @Test
  void aPortalsRejectionsAreListedNewestFirstAndPagedBackFromAnId() {
    add(1, "a", "b");
    add(2, "other");
    add(1, "c", "d");

    assertEquals(List.of("d", "c", "b", "a"), hitIds(1, 10, OptionalLong.empty()));
    assertEquals(List.of("d", "c"), hitIds(1, 2, OptionalLong.empty()));
    long c = read(s -> s.list(1, 2, OptionalLong.empty())).get(1).id();
    assertEquals(List.of("b", "a"), hitIds(1, 10, OptionalLong.of(c)));
    assertEquals(4, (long) read(s -> s.count(1)));
    assertEquals(1, (long) read(s -> s.count(2)));
  }

  @Test
  void deletingTakesOnlyThePortalsOwnRejections() {
    add(1, "a", "b");
    add(2, "other");
    List<Long> ids = read(s -> s.list(1, 10, OptionalLong.empty()).stream().map(Rejection::id).toList());
    long others = read(s -> s.list(2, 10, OptionalLong.empty())).get(0).id();

    run(s -> s.delete(1, List.of(ids.get(0), others)));

    assertEquals(List.of("a"), hitIds(1, 10, OptionalLong.empty()));
    assertEquals(List.of("other"), hitIds(2, 10, OptionalLong.empty()));
  }

  @Test
  void trimmingKeepsThePortalsNewestAndSaysHowManyWent() {
    add(1, "a", "b", "c", "d");
    add(2, "other");

    assertEquals(2, (long) in(s -> s.trim(1, 2)));
    assertEquals(List.of("d", "c"), hitIds(1, 10, OptionalLong.empty()));
    assertEquals(0, (long) in(s -> s.trim(1, 5)));

    assertEquals(2, (long) in(s -> s.trim(1, 0)));
    assertEquals(0, (long) read(s -> s.count(1)));
    assertEquals(1, (long) read(s -> s.count(2)));
  }
}
