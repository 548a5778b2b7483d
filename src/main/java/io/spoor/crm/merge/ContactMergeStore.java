package io.spoor.crm.merge;

/**
 * What merging two contacts does to the contacts' own rows beyond their values. Runs inside
 * the caller's transaction.
 */
public interface ContactMergeStore {
  /**
   * Moves every unique key of one contact (its email, and the emails of contacts merged into it
   * before) and its Segment ids to another, so each of those emails and ids finds the other
   * contact from now on.
   */
  void moveKeys(long portalId, long fromId, long intoId);
}
