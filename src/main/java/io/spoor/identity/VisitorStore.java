package io.spoor.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Visitors by utk, and their page views. Runs inside the caller's transaction. */
public interface VisitorStore {
  /** The known visitors among these utks of a portal, by utk. */
  Map<String, Visitor> find(long portalId, Collection<String> utks);

  /** Inserts or replaces visitors. */
  void save(Collection<Visitor> visitors);

  /**
   * Inserts visitors this transaction found no row of. A visitor another writer stored meanwhile
   * (two processors' first hits of one token) is not overwritten: the call fails with a
   * {@link io.spoor.store.StoreException}, and the caller runs its transaction again, finding it.
   */
  void add(Collection<Visitor> visitors);

  void insertPageViews(List<PageView> pageViews);

  /** Gives the visitor's page views that belong to no contact yet to the contact. */
  void attributeAnonymousPageViews(long portalId, String utk, long contactId);

  /** How many visitor tokens are attributed to a contact. */
  int visitorsOf(long contactId);

  /** Moves a contact's visitors and page views to another contact of the portal (a merge). */
  void reassign(long portalId, long fromContactId, long toContactId);

  /**
   * Erases what the portal's visitors did as this contact: its page views are deleted, and every
   * visitor tied to it, or with page views of it, is reset to no history (its anonymous page
   * views go too) and loses the tie. Such a visitor's next page view starts it afresh.
   */
  void forget(long portalId, long contactId);

  /** A contact's page views, newest first. */
  List<PageView> pageViewsOf(long portalId, long contactId, int limit, int offset);
}
