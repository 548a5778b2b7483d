package io.spoor.segment;

import io.spoor.crm.ContactChanges;
import io.spoor.crm.ContactProperties;
import io.spoor.crm.ContactStore;
import io.spoor.store.Deferred;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The contacts Segment ids stand for, within one batch: an id's contact counts while it is live,
 * or when this batch found or made it by email (it is written only when the batch ends).
 */
final class SegmentContacts implements Deferred {
  private final SegmentIds ids;
  private final ContactStore contacts;
  private final ContactChanges changes;
  private final Set<Long> foundHere = new HashSet<>();

  SegmentContacts(SegmentIds ids, ContactStore contacts, ContactChanges changes) {
    this.ids = ids;
    this.contacts = contacts;
    this.changes = changes;
  }

  /** The live contact the first of these ids that has one stands for. */
  Optional<Long> of(long portalId, List<String> segmentIds) {
    for (String id : segmentIds) {
      Optional<Long> contact = ids.contactFor(portalId, id).filter(c -> isLive(portalId, c));
      if (contact.isPresent()) {
        return contact;
      }
    }
    return Optional.empty();
  }

  /** Records a contact the batch found or made by email. */
  void found(long contactId) {
    foundHere.add(contactId);
  }

  /** Ties each id to the contact (one the batch found) from {@code at} on. */
  void tie(long portalId, List<String> segmentIds, long contactId, long at) {
    found(contactId);
    segmentIds.forEach(id -> ids.tie(portalId, id, contactId, at));
  }

  /** The contact's email as it will be after this batch. */
  Optional<String> emailOf(long contactId) {
    return changes.current(contactId, ContactProperties.EMAIL);
  }

  private boolean isLive(long portalId, long contactId) {
    return foundHere.contains(contactId) || contacts.isLive(portalId, contactId);
  }

  @Override
  public void flush() {
    foundHere.clear();
  }
}
