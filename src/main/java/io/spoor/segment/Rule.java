package io.spoor.segment;

import io.spoor.ingest.Batch;
import io.spoor.ingest.SegmentHit;
import io.spoor.portal.Portal;

/** How one type of checked Segment message is applied; what cannot be is rejected through the batch. */
interface Rule {
  void apply(SegmentMessage message, SegmentHit hit, Portal portal, Batch batch);
}
