package io.spoor.segment;

import io.spoor.crm.AssociationStore;
import io.spoor.crm.ChangeSource;
import io.spoor.crm.Company;
import io.spoor.crm.ContactChanges;
import io.spoor.crm.ContactStore;
import io.spoor.crm.Emails;
import io.spoor.crm.ObjectStore;
import io.spoor.crm.PropertyDefinitionStore;
import io.spoor.ingest.Batch;
import io.spoor.ingest.RejectReason;
import io.spoor.ingest.SegmentHit;
import io.spoor.track.CreationLimits;
import java.util.Optional;

/**
 * What the Segment rules share within a batch: the coalesced contact and company writes (the
 * same contact writes as the tracking appliers', so a contact made by one hit is found by the
 * next), the contacts Segment ids stand for, and contacts found or made by email under the
 * creation limits.
 */
final class Parts {
  private final ContactStore contacts;
  private final PropertyDefinitionStore definitions;
  private final ObjectStore<Company> companies;
  private final AssociationStore associations;
  private final SegmentIds ids;
  private final CreationLimits limits;

  Parts(ContactStore contacts, PropertyDefinitionStore definitions, ObjectStore<Company> companies,
      AssociationStore associations, SegmentIds ids, CreationLimits limits) {
    this.contacts = contacts;
    this.definitions = definitions;
    this.companies = companies;
    this.associations = associations;
    this.ids = ids;
    this.limits = limits;
  }

  ContactChanges contactChanges(Batch batch) {
    return batch.part(ContactChanges.class, () -> new ContactChanges(contacts, definitions));
  }

  SegmentContacts segmentContacts(Batch batch) {
    ContactChanges changes = contactChanges(batch); // made first: parts are made one at a time
    return batch.part(SegmentContacts.class, () -> new SegmentContacts(ids, contacts, changes));
  }

  CompanyChanges companyChanges(Batch batch) {
    return batch.part(CompanyChanges.class, () -> new CompanyChanges(companies, definitions, associations));
  }

  /** The normalised email, or empty when it is not one (the hit is then rejected whole). */
  static Optional<String> email(String raw, SegmentHit hit, Batch batch) {
    Optional<String> email = Emails.normalize(raw);
    if (email.isEmpty()) {
      batch.reject(hit, RejectReason.INVALID_EMAIL, true, "email is not an email address");
    }
    return email;
  }

  /**
   * The contact with this (normalised) email, made when absent and the portal may create one more
   * contact now; empty when it may not (the hit is then rejected whole).
   */
  Optional<Long> contactByEmail(long portalId, String email, SegmentHit hit, Batch batch) {
    ContactChanges changes = contactChanges(batch);
    boolean isNew = changes.findByEmail(portalId, email).isEmpty();
    if (isNew) {
      Optional<String> refusal = limits.contactRefusal(batch, portalId, hit.receivedAt());
      if (refusal.isPresent()) {
        batch.reject(hit, RejectReason.CONTACT_CREATION_LIMIT, true, refusal.get());
        return Optional.empty();
      }
    }
    long id = changes.byEmail(portalId, email, hit.timestamp(), ChangeSource.SEGMENT);
    if (isNew) {
      limits.contactCreated(batch, portalId, hit.receivedAt());
    }
    segmentContacts(batch).found(id);
    return Optional.of(id);
  }
}
