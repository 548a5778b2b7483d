package io.spoor.identity;

/**
 * Whether a contact a visitor or an external id was tied to can still collect hits: archived
 * and deleted contacts cannot. Asked only of ties read from the store, never of ties made in
 * the running batch (their contacts may not be written yet).
 */
@FunctionalInterface
public interface LiveContacts {
  boolean isLive(long portalId, long contactId);
}
