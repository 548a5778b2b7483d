package io.spoor.crm.merge;

/**
 * What merging two contacts does to the contacts' own rows beyond their values. Runs inside
 * the caller's transaction.
 */
public interface ContactMergeStore {
  /**
   * Moves every unique key of one contact (its email, and the emails of contacts merged into it
   * before) to another, so each of those emails finds the other contact from now on.
   */
  void moveKeys(long portalId, long fromId, long intoId);
}
