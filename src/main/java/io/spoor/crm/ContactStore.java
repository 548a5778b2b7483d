package io.spoor.crm;

import java.util.Collection;
import java.util.Map;

/**
 * Contacts of a portal, keyed by email (lowercase), with the analytics hits add to. Every
 * call runs inside the caller's transaction.
 */
public interface ContactStore extends ObjectStore<Contact> {
  /** The ids of the live contacts with these emails; emails with no contact are absent. */
  default Map<String, Long> idsByEmail(long portalId, Collection<String> emails) {
    return idsByKey(portalId, emails);
  }

  /** Adds these analytics to each contact's, by {@link Analytics#plus}'s rule. */
  void addAnalytics(Map<Long, Analytics> added);
}
