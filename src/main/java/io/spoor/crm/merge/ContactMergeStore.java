package io.spoor.crm.merge;

/**
 * What merging two contacts does to the contacts' own rows beyond their values. Runs inside
 * the caller's transaction.
 */
public interface ContactMergeStore {
  /**
   * Locks the rows of the portal's contacts among {@code ids}, lowest id first, until the
   * transaction ends, and answers those that are live. Two merges of the same contacts (even
   * crossing ones, a into b and b into a) take the locks in the same order, so the second
   * waits for the first and then finds what it left: one survivor, no deadlock. SQLite's one
   * writer already runs merges one at a time.
   */
  java.util.Set<Long> lockLive(long portalId, java.util.Collection<Long> ids);

  /**
   * Moves every unique key of one contact (its email, and the emails of contacts merged into it
   * before) and its Segment ids to another, so each of those emails and ids finds the other
   * contact from now on.
   */
  void moveKeys(long portalId, long fromId, long intoId);
}
