package io.spoor.crm;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Contacts of a portal, keyed by email (lowercase). Every call runs inside the caller's
 * transaction; writes take many contacts at once so a batch of hits costs a few statements.
 * Archived contacts are invisible to every lookup, and their emails are free for new ones.
 */
public interface ContactStore {
  /** The ids of the live contacts with these emails; emails with no contact are absent. */
  Map<String, Long> idsByEmail(long portalId, Collection<String> emails);

  /** Reserves {@code count} consecutive new contact ids, valid for this transaction. */
  long reserveIds(int count);

  /**
   * Inserts contacts with reserved ids and their emails, if any, as keys (the email property
   * itself is set through {@link #apply}). An email already taken makes this fail, not duplicate.
   */
  void create(List<NewContact> contacts);

  default Optional<Contact> find(long portalId, long id) {
    return Optional.ofNullable(findAll(portalId, List.of(id)).get(id));
  }

  /** The portal's live contacts among these ids, with every stored value; others are absent. */
  Map<Long, Contact> findAll(long portalId, Collection<Long> ids);

  /** Up to {@code limit} live contacts of the portal with ids from {@code fromId} on, in id order. */
  List<Contact> page(long portalId, long fromId, int limit);

  /** Stored values of these properties for each contact; unset ones are absent. */
  Map<Long, Map<String, String>> values(Collection<Long> contactIds, Collection<String> names);

  /** Sets or clears properties, keeping each change in the history. */
  void apply(Map<Long, List<PropertyChange>> changes);

  /**
   * Replaces the email key of each contact (empty: none). The caller has checked that every
   * new email is free; one that is not makes this fail.
   */
  void rekey(long portalId, Map<Long, Optional<String>> emails);

  /** Archives the portal's live contacts among these ids and frees their emails; others are left alone. */
  void archive(long portalId, Collection<Long> ids, long at);

  /** The recorded changes of these properties of a contact, newest first. */
  List<HistoryEntry> history(long contactId, Collection<String> names);

  /** Moves each contact's lastmodifieddate forward to the given epoch ms (never back). */
  void touch(Map<Long, Long> modifiedAt);

  /** Adds each delta to its contact's analytics. */
  void addAnalytics(Map<Long, AnalyticsDelta> deltas);

  /** A contact about to be created, with or without an email. */
  record NewContact(long id, long portalId, Optional<String> email, long at) {
  }

  /** One recorded change: the value set ({@code ""} for a clear), when, and where it came from. */
  record HistoryEntry(String name, String value, long at, String sourceType, Optional<String> sourceId) {
  }
}
