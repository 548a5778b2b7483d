package io.spoor.crm.merge;

import io.spoor.Ids;
import io.spoor.InvalidInputException;
import io.spoor.NotFoundException;
import io.spoor.crm.AssociationStore;
import io.spoor.crm.AssociationType;
import io.spoor.crm.ChangeSource;
import io.spoor.crm.Contact;
import io.spoor.crm.ContactProperties;
import io.spoor.crm.ContactStore;
import io.spoor.crm.ObjectType;
import io.spoor.crm.PropertyChange;
import io.spoor.events.CompletionStore;
import io.spoor.identity.ExternalIdStore;
import io.spoor.identity.VisitorStore;
import io.spoor.store.Transactor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges one contact into another, in one write transaction (so hits are applied before or
 * after it, never half-way), which first locks both contacts' rows in id order (so concurrent
 * merges of either, crossing ones too, run one after the other and leave one survivor). The primary keeps its values and takes the other's where it has
 * none; it gets the other's events, page views, visitors, external ids, company associations
 * and analytics. The other is archived; its email (and the emails merged into it before)
 * become additional emails of the primary, which hits and lookups by them find from then on.
 */
public final class ContactMerge {
  /** Emails of contacts merged into this one, {@code ;}-separated, as HubSpot lists them. */
  static final String ADDITIONAL_EMAILS = ContactProperties.ADDITIONAL_EMAILS;
  /** Ids of contacts merged into this one, {@code ;}-separated: a GDPR delete erases them too. */
  static final String MERGED_IDS = ContactProperties.MERGED_OBJECT_IDS;

  private final Transactor tx;
  private final ContactStore contacts;
  private final AssociationStore associations;
  private final ContactMergeStore store;
  private final CompletionStore completions;
  private final VisitorStore visitors;
  private final ExternalIdStore externalIds;
  private final Clock clock;

  public ContactMerge(Transactor tx, ContactStore contacts, AssociationStore associations, ContactMergeStore store,
      CompletionStore completions, VisitorStore visitors, ExternalIdStore externalIds, Clock clock) {
    this.tx = tx;
    this.contacts = contacts;
    this.associations = associations;
    this.store = store;
    this.completions = completions;
    this.visitors = visitors;
    this.externalIds = externalIds;
    this.clock = clock;
  }

  /** The primary as merged; 404 when either id names no live contact, 400 for a contact merged with itself. */
  public Contact merge(long portalId, String primaryRef, String otherRef) {
    long primaryId = id(primaryRef);
    long otherId = id(otherRef);
    if (primaryId == otherId) {
      throw new InvalidInputException("A contact cannot be merged with itself: primaryObjectId and "
          + "objectIdToMerge are both " + primaryId);
    }
    long at = clock.millis();
    return tx.inTransaction(() -> {
      // both rows locked in id order first: a concurrent merge of either contact waits, then sees this one's result
      store.lockLive(portalId, List.of(primaryId, otherId));
      Map<Long, Contact> found = contacts.findAll(portalId, List.of(primaryId, otherId));
      Contact primary = live(found, primaryId, primaryRef);
      Contact other = live(found, otherId, otherRef);
      contacts.apply(Map.of(primaryId, changes(primary, other, at)));
      contacts.touch(Map.of(primaryId, at));
      store.moveKeys(portalId, otherId, primaryId);
      contacts.addAnalytics(Map.of(primaryId, other.analytics()));
      completions.reassign(portalId, otherId, primaryId);
      visitors.reassign(portalId, otherId, primaryId);
      externalIds.reassign(portalId, otherId, primaryId);
      companies(portalId, otherId, primaryId, at);
      contacts.archive(portalId, List.of(otherId), at);
      return contacts.find(portalId, primaryId).orElseThrow();
    });
  }

  /** The values the primary takes: the other's where it has none, and the merged emails and ids. */
  static List<PropertyChange> changes(Contact primary, Contact other, long at) {
    Map<String, String> mine = primary.properties();
    Map<String, String> theirs = other.properties();
    Map<String, String> taken = new TreeMap<>();
    theirs.forEach((name, value) -> {
      if (!mine.containsKey(name) && !name.equals(ADDITIONAL_EMAILS) && !name.equals(MERGED_IDS)) {
        taken.put(name, value);
      }
    });
    Set<String> emails = new LinkedHashSet<>(ContactProperties.items(mine.get(ADDITIONAL_EMAILS)));
    if (mine.containsKey(ContactProperties.EMAIL) && theirs.containsKey(ContactProperties.EMAIL)) {
      emails.add(theirs.get(ContactProperties.EMAIL));
    }
    emails.addAll(ContactProperties.items(theirs.get(ADDITIONAL_EMAILS)));
    if (!emails.isEmpty()) {
      taken.put(ADDITIONAL_EMAILS, String.join(";", emails));
    }
    Set<String> ids = new LinkedHashSet<>(ContactProperties.items(mine.get(MERGED_IDS)));
    ids.add(Long.toString(other.id()));
    ids.addAll(ContactProperties.items(theirs.get(MERGED_IDS)));
    taken.put(MERGED_IDS, String.join(";", ids));
    List<PropertyChange> changes = new ArrayList<>();
    taken.forEach((name, value) -> changes.add(new PropertyChange(name, Optional.of(value), at, ChangeSource.API)));
    return changes;
  }

  /** The other's associations with companies, made the primary's too. */
  private void companies(long portalId, long otherId, long primaryId, long at) {
    for (long company : associations.associated(portalId, List.of(otherId), ObjectType.COMPANY)
        .getOrDefault(otherId, List.of())) {
      associations.associate(portalId, new AssociationStore.Association(primaryId, AssociationType.CONTACT_TO_COMPANY,
          company), at);
    }
  }

  private static long id(String ref) {
    return Ids.parse(ref.trim()).orElseThrow(() ->
        NotFoundException.object(ref));
  }

  private static Contact live(Map<Long, Contact> found, long id, String ref) {
    Contact contact = found.get(id);
    if (contact == null) {
      throw NotFoundException.object(ref);
    }
    return contact;
  }
}
