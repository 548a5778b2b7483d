package io.spoor.crm;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Contacts of a portal, keyed by email (lowercase). Every call runs inside the caller's
 * transaction; writes take many contacts at once so a batch of hits costs a few statements.
 * Archived contacts are invisible to every lookup.
 */
public interface ContactStore {
  /** The ids of the live contacts with these emails; emails with no contact are absent. */
  Map<String, Long> idsByEmail(long portalId, Collection<String> emails);

  /** Reserves {@code count} consecutive new contact ids, valid for this transaction. */
  long reserveIds(int count);

  /**
   * Inserts contacts with reserved ids and their emails as keys (the email property itself is
   * set through {@link #apply}). An email already taken makes this fail, not duplicate.
   */
  void create(List<NewContact> contacts);

  Optional<Contact> find(long portalId, long id);

  /** Stored values of these properties for each contact; unset ones are absent. */
  Map<Long, Map<String, String>> values(Collection<Long> contactIds, Collection<String> names);

  /** Sets or clears properties, keeping each change in the history. */
  void apply(Map<Long, List<PropertyChange>> changes);

  /** Moves each contact's lastmodifieddate forward to the given epoch ms (never back). */
  void touch(Map<Long, Long> modifiedAt);

  /** Adds each delta to its contact's analytics. */
  void addAnalytics(Map<Long, AnalyticsDelta> deltas);

  /** A contact about to be created. */
  record NewContact(long id, long portalId, String email, long at) {
  }
}
