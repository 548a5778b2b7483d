package io.spoor.crm;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The contact writes of one batch of hits, coalesced as {@link ObjectChanges} does, with the
 * analytics hits add to. Contacts are keyed by their (normalised) email.
 */
public final class ContactChanges extends ObjectChanges {
  private final ContactStore contacts;
  private final Map<Long, Analytics> analytics = new HashMap<>();

  public ContactChanges(ContactStore contacts, PropertyDefinitionStore definitions) {
    super(contacts, definitions, ObjectType.CONTACT);
    this.contacts = contacts;
  }

  /** The id of the portal's contact with this (normalised) email, created if absent. */
  public long byEmail(long portalId, String email, long at, ChangeSource source) {
    return byKey(portalId, email, at, source);
  }

  /** The id of the portal's contact with this (normalised) email; empty when {@link #byEmail} would create it. */
  public Optional<Long> findByEmail(long portalId, String email) {
    return find(portalId, email);
  }

  /** Adds to the contact's analytics what a hit of the batch adds, after the batch's earlier hits. */
  public void addAnalytics(long contactId, Analytics added) {
    analytics.merge(contactId, added, Analytics::plus);
  }

  @Override
  public void flush() {
    super.flush();
    contacts.addAnalytics(analytics);
    analytics.clear();
  }
}
