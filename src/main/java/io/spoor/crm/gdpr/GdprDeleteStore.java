package io.spoor.crm.gdpr;

/** The contacts' own rows, as a GDPR delete erases them. Runs inside the caller's transaction. */
public interface GdprDeleteStore {
  /** Whether the portal has a contact with this id, live or archived. */
  boolean exists(long portalId, long contactId);

  /**
   * Deletes the portal's contact with this id for good: the object, its values, their history,
   * its unique keys and its analytics. Another portal's contact is left alone.
   */
  void erase(long portalId, long contactId);
}
