package io.spoor.identity;

import java.util.Optional;

/**
 * External ids (the {@code id} parameter): once seen together with an email, an id stands for
 * that email's contact. The first contact an id is seen with keeps it. Runs in the caller's
 * transaction.
 */
public interface ExternalIdStore {
  Optional<Long> contactFor(long portalId, String externalId);

  /** Links the id to the contact unless it is already linked; true when it was linked now. */
  boolean linkIfAbsent(long portalId, String externalId, long contactId, long at);
}
