package io.spoor.store;

/**
 * What committed deletes removed, made unreadable in the store's files: deleted content is
 * zeroed as it is deleted, but older copies of the pages that held it may remain elsewhere (in
 * SQLite, in the write-ahead log) until this is done.
 */
public interface FreedSpace {
  /**
   * Removes those older copies, waiting for reads that hold them to end; if one still holds
   * them after that, the store's background upkeep retries until it succeeds.
   */
  void scrub();
}
