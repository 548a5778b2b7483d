package io.spoor.segment;

import io.spoor.crm.ContactProperties;
import io.spoor.forward.ForwardCall;
import io.spoor.forward.Outbox;
import io.spoor.ingest.Batch;
import io.spoor.ingest.RejectReason;
import io.spoor.ingest.SegmentHit;
import io.spoor.portal.Portal;
import java.util.Map;
import java.util.Optional;

/**
 * identify → the contact with the email of {@code traits} (else {@code context.traits}), made
 * if absent, its traits set as contact properties; its userId and anonymousId are tied to it.
 */
final class Identify implements Rule {
  private final Parts parts;
  private final Outbox outbox;

  Identify(Parts parts, Outbox outbox) {
    this.parts = parts;
    this.outbox = outbox;
  }

  @Override
  public void apply(SegmentMessage message, SegmentHit hit, Portal portal, Batch batch) {
    Optional<String> raw = message.email();
    if (raw.isEmpty()) {
      batch.reject(hit, RejectReason.NO_EMAIL, true,
          "identify has no traits.email or context.traits.email: HubSpot's contacts are keyed by email");
      return;
    }
    Optional<String> email = Parts.email(raw.get(), hit, batch);
    Optional<Long> contact = email.flatMap(e -> parts.contactByEmail(portal.hubId(), e, hit, batch));
    if (contact.isEmpty()) {
      return;
    }
    Map<String, Object> traits = Traits.contact(message.traits());
    traits.remove(ContactProperties.EMAIL); // the key the contact was found by
    Map<String, String> set = new PropertyMapping(parts.contactChanges(batch), "contact")
        .apply(traits, hit, portal, contact.get(), batch);
    parts.segmentContacts(batch).tie(portal.hubId(), message.ids(), contact.get(), hit.timestamp());
    outbox.add(portal.hubId(), Outbox.Origin.SEGMENT, new ForwardCall.UpsertContact(email.get(), set));
  }
}
