package io.spoor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.portal.Portal;
import io.spoor.portal.PortalStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a batch gathers a hit's refused parts into the hit's one rejection. */
class BatchRejectionsTest {
  private final Batch batch = new Batch(0, new NoPortals());
  private final Hit hit = new EventApiHit("hit-1", 1, 1_000, "signup", Optional.empty(), Optional.empty(),
      Optional.empty(), List.of(), List.of(), "_a=1&_n=signup");

  @Test
  void aHitWithManyRefusedPartsBecomesOneRejectionNamingTenAndCountingTheRest() {
    for (int i = 0; i < 25; i++) {
      batch.reject(hit, RejectReason.UNKNOWN_PROPERTY, false, "no contact property named p" + i);
    }
    List<Rejection> rejections = batch.rejections();
    assertEquals(1, rejections.size());
    Rejection r = rejections.get(0);
    assertEquals(RejectReason.UNKNOWN_PROPERTY, r.reason());
    assertEquals(Outcome.PARTIALLY_APPLIED, r.outcome());
    assertEquals(10, r.parts().size());
    assertEquals(15, r.moreParts());
    assertEquals("no contact property named p9", r.parts().get(9).detail());
    assertTrue(r.detail().startsWith("25 parts refused: no contact property named p0; "), r.detail());
    assertTrue(r.detail().endsWith("; …and 15 more"), r.detail());
    assertEquals("_a=1&_n=signup", r.params());
  }

  @Test
  void aPartThatRefusesTheWholeHitGivesTheRejectionItsReasonAndIsAlwaysNamed() {
    for (int i = 0; i < 12; i++) {
      batch.reject(hit, RejectReason.INVALID_PROPERTY_VALUE, false, "bad value " + i);
    }
    batch.reject(hit, RejectReason.UNKNOWN_CONTACT, true, "no contact with id 7");
    Rejection r = batch.rejections().get(0);
    assertEquals(RejectReason.UNKNOWN_CONTACT, r.reason());
    assertEquals(Outcome.NOT_APPLIED, r.outcome());
    assertEquals(10, r.parts().size());
    assertEquals(new RejectedPart(RejectReason.UNKNOWN_CONTACT, "no contact with id 7"), r.parts().get(9));
    assertEquals(3, r.moreParts());
  }

  @Test
  void everyRefusedPartIsCountedByReasonAndLongDetailIsCut() {
    batch.reject(hit, RejectReason.MALFORMED_PARAMETER, false, "x".repeat(5_000));
    for (int i = 0; i < 30; i++) {
      batch.reject(hit, RejectReason.UNKNOWN_PROPERTY, false, "no contact property named p" + i);
    }
    assertEquals(Map.of(RejectReason.MALFORMED_PARAMETER, 1, RejectReason.UNKNOWN_PROPERTY, 30), batch.refusedParts());
    Rejection r = batch.rejections().get(0);
    assertEquals(RejectedPart.MAX_DETAIL, r.parts().get(0).detail().length());
    assertTrue(r.detail().length() <= 700, r.detail().length() + " characters");
  }

  private static final class NoPortals implements PortalStore {
    @Override
    public Optional<Portal> find(long hubId) {
      return Optional.empty();
    }

    @Override
    public List<Portal> list() {
      return List.of();
    }

    @Override
    public boolean create(Portal portal) {
      return false;
    }

    @Override
    public boolean update(Portal portal) {
      return false;
    }
  }
}
