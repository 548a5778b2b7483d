package io.spoor.crm.gdpr;

import io.spoor.Ids;
import io.spoor.InvalidInputException;
import io.spoor.NotFoundException;
import io.spoor.crm.AssociationStore;
import io.spoor.crm.ContactProperties;
import io.spoor.crm.ContactStore;
import io.spoor.crm.Emails;
import io.spoor.crm.ObjectStore;
import io.spoor.crm.ObjectType;
import io.spoor.events.CompletionStore;
import io.spoor.events.EventDefinitionStore;
import io.spoor.identity.ExternalIdStore;
import io.spoor.identity.VisitorStore;
import io.spoor.ingest.RejectionStore;
import io.spoor.store.FreedSpace;
import io.spoor.store.Transactor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * HubSpot's GDPR delete: a contact, and every contact merged into it, erased for good in one
 * write transaction, with its events, page views, value history, unique keys, external ids,
 * company associations and visitor ties. The visitors it was tied to keep no contact and no
 * history: their next hits start afresh and are attributed to nothing erased. Events' completion
 * counts drop by the erased completions, and rejected hits that name an erased contact's email
 * or external id, or a sent event naming its id, leave the rejection list; the store's free
 * space and write-ahead log keep nothing of it. Archived contacts can be erased by id.
 */
public final class GdprDelete {
  private final Transactor tx;
  private final ContactStore contacts;
  private final AssociationStore associations;
  private final GdprDeleteStore store;
  private final CompletionStore completions;
  private final EventDefinitionStore definitions;
  private final VisitorStore visitors;
  private final ExternalIdStore externalIds;
  private final RejectionsNaming rejections;
  private final FreedSpace freed;

  public GdprDelete(Transactor tx, ContactStore contacts, AssociationStore associations, GdprDeleteStore store,
      CompletionStore completions, EventDefinitionStore definitions, VisitorStore visitors,
      ExternalIdStore externalIds, RejectionStore rejections, FreedSpace freed) {
    this.tx = tx;
    this.contacts = contacts;
    this.associations = associations;
    this.store = store;
    this.completions = completions;
    this.definitions = definitions;
    this.visitors = visitors;
    this.externalIds = externalIds;
    this.rejections = new RejectionsNaming(rejections);
    this.freed = freed;
  }

  /**
   * Erases the contact {@code ref} names (its id, or with {@code idProperty=email} its email); 404
   * when none. Once committed, the store's older copies of what it held are scrubbed as well.
   */
  public void delete(long portalId, String ref, Optional<String> idProperty) {
    tx.inTransaction(() -> {
      long id = resolve(portalId, ref, idProperty)
          .orElseThrow(() -> NotFoundException.object(ref));
      Set<Long> ids = new LinkedHashSet<>(List.of(id));
      String merged = contacts.values(List.of(id), List.of(ContactProperties.MERGED_OBJECT_IDS))
          .getOrDefault(id, Map.of()).get(ContactProperties.MERGED_OBJECT_IDS);
      ContactProperties.items(merged).stream().flatMap(m -> Ids.parse(m).stream())
          .filter(m -> store.exists(portalId, m)).forEach(ids::add);
      ids.forEach(contact -> erase(portalId, contact));
    });
    freed.scrub();
  }

  private void erase(long portalId, long contactId) {
    Map<Long, Long> lost = new HashMap<>();
    completions.deleteForContact(portalId, contactId).forEach((definition, n) -> lost.put(definition, -n));
    definitions.addCompletions(lost);
    visitors.forget(portalId, contactId);
    Map<String, String> emails = contacts.values(List.of(contactId),
        List.of(ContactProperties.EMAIL, ContactProperties.ADDITIONAL_EMAILS)).getOrDefault(contactId, Map.of());
    List<String> allEmails = new ArrayList<>(ContactProperties.items(emails.get(ContactProperties.ADDITIONAL_EMAILS)));
    Optional.ofNullable(emails.get(ContactProperties.EMAIL)).ifPresent(allEmails::add);
    // the emails it had before count too: a rejection may name any of them
    for (ObjectStore.HistoryEntry change : contacts.history(contactId,
        List.of(ContactProperties.EMAIL, ContactProperties.ADDITIONAL_EMAILS))) {
      allEmails.addAll(ContactProperties.items(change.value()));
    }
    rejections.erase(portalId, allEmails, externalIds.removeAll(portalId, contactId), List.of(contactId));
    for (long company : associations.associated(portalId, List.of(contactId), ObjectType.COMPANY)
        .getOrDefault(contactId, List.of())) {
      associations.dissociate(portalId, contactId, company);
    }
    store.erase(portalId, contactId);
  }

  private Optional<Long> resolve(long portalId, String ref, Optional<String> idProperty) {
    String property = idProperty.orElse(ContactProperties.OBJECT_ID);
    if (property.equals(ContactProperties.EMAIL)) {
      return Emails.normalize(ref).flatMap(email -> Optional.ofNullable(
          contacts.idsByEmail(portalId, List.of(email)).get(email)));
    }
    if (!property.equals(ContactProperties.OBJECT_ID)) {
      throw new InvalidInputException("idProperty must be email or hs_object_id, was " + property);
    }
    String id = ref.trim();
    return Ids.parse(id).filter(n -> store.exists(portalId, n));
  }
}
