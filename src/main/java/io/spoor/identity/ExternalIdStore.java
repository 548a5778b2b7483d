package io.spoor.identity;

import java.util.List;
import java.util.Optional;

/**
 * External ids (the {@code id} parameter): once seen together with an email, an id stands for
 * that email's contact. The first contact an id is seen with keeps it, while that contact can
 * collect hits; once it is archived the id is relinked to the next email's contact. Merges move
 * links to the contact merged into; a GDPR delete removes them. Runs in the caller's transaction.
 */
public interface ExternalIdStore {
  Optional<Long> contactFor(long portalId, String externalId);

  /** Links the id to the contact unless it is already linked; true when it was linked now. */
  boolean linkIfAbsent(long portalId, String externalId, long contactId, long at);

  /** Links the id to the contact, replacing any link it has. */
  void relink(long portalId, String externalId, long contactId, long at);

  /** Moves every id of one contact to another of the portal. */
  void reassign(long portalId, long fromContactId, long toContactId);

  /** Removes every id of the contact; returns them. */
  List<String> removeAll(long portalId, long contactId);
}
