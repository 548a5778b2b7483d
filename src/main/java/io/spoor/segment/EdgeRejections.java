package io.spoor.segment;

import io.spoor.ingest.Batch;
import io.spoor.ingest.HitApplier;
import io.spoor.ingest.RejectReason;
import io.spoor.ingest.SegmentHit;
import io.spoor.portal.Portal;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The applier of Segment hits: rejects, with the reason the edge named, each batch element the
 * edge logged as {@link ApiFields#INVALID}, and hands every other message to {@code mapping}, the
 * applier that maps messages to contacts, companies and events.
 */
public final class EdgeRejections implements HitApplier<SegmentHit> {
  /**
   * Applies nothing: the stand-in for the mapping where none is wired, so that Segment hits are
   * still taken, made durable and counted (as applied) while the mapping is missing.
   */
  public static final HitApplier<SegmentHit> NO_MAPPING = new HitApplier<>() {
    @Override
    public Class<SegmentHit> type() {
      return SegmentHit.class;
    }

    @Override
    public void apply(SegmentHit hit, Portal portal, Batch batch) {
    }
  };

  private final HitApplier<SegmentHit> mapping;

  public EdgeRejections(HitApplier<SegmentHit> mapping) {
    this.mapping = mapping;
  }

  @Override
  public Class<SegmentHit> type() {
    return SegmentHit.class;
  }

  @Override
  public void prepare(List<SegmentHit> hits, Batch batch) {
    List<SegmentHit> messages = hits.stream().filter(h -> !h.type().equals(ApiFields.INVALID)).toList();
    if (!messages.isEmpty()) {
      mapping.prepare(messages, batch);
    }
  }

  @Override
  public void apply(SegmentHit hit, Portal portal, Batch batch) {
    if (!hit.type().equals(ApiFields.INVALID)) {
      mapping.apply(hit, portal, batch);
      return;
    }
    JsonObject why = new JsonObject(hit.message());
    batch.reject(hit, RejectReason.valueOf(why.getString("reason")), true, why.getString("detail"));
  }
}
