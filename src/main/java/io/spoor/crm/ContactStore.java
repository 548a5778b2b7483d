package io.spoor.crm;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Contacts of a portal, keyed by email (lowercase). Every call runs inside the caller's
 * transaction. Archived contacts are invisible to every lookup.
 */
public interface ContactStore {
  /** The ids of the live contacts with these emails; emails with no contact are absent. */
  Map<String, Long> idsByEmail(long portalId, Collection<String> emails);

  /**
   * Creates a contact with this email and empty analytics and returns its id. The caller has
   * checked that no contact has the email; a concurrent creator makes this fail, not duplicate.
   */
  long create(long portalId, String email, long at, ChangeSource source);

  Optional<Contact> find(long portalId, long id);

  /** The stored values of these properties of one contact; unset ones are absent. */
  Map<String, String> values(long contactId, Collection<String> names);

  /** Sets or clears properties, keeping each change in the history. Bumps lastmodifieddate. */
  void apply(long contactId, List<PropertyChange> changes);

  /** Adds each delta to its contact's analytics. */
  void addAnalytics(Map<Long, AnalyticsDelta> deltas);
}
