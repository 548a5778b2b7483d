package io.spoor.segment;

import io.spoor.ingest.Batch;
import io.spoor.ingest.RejectReason;
import io.spoor.ingest.SegmentHit;
import io.spoor.portal.Portal;
import java.util.List;
import java.util.Optional;

/** alias → {@code previousId} and {@code userId} both stand for the contact either already stands for. */
final class Alias implements Rule {
  private final Parts parts;

  Alias(Parts parts) {
    this.parts = parts;
  }

  @Override
  public void apply(SegmentMessage message, SegmentHit hit, Portal portal, Batch batch) {
    List<String> both = List.of(message.previousId().orElseThrow(), message.userId().orElseThrow());
    SegmentContacts contacts = parts.segmentContacts(batch);
    Optional<Long> contact = contacts.of(portal.hubId(), both);
    if (contact.isEmpty()) {
      batch.reject(hit, RejectReason.UNKNOWN_SEGMENT_USER, true,
          "alias: neither previousId nor userId stands for a contact yet (identify one of them with an email first)");
      return;
    }
    contacts.tie(portal.hubId(), both, contact.get(), hit.timestamp());
  }
}
