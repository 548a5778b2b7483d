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

  void insertPageViews(List<PageView> pageViews);

  /** Gives the visitor's page views that belong to no contact yet to the contact. */
  void attributeAnonymousPageViews(long portalId, String utk, long contactId);

  /** How many visitor tokens are attributed to a contact. */
  int visitorsOf(long contactId);

  /** A contact's page views, newest first. */
  List<PageView> pageViewsOf(long portalId, long contactId, int limit, int offset);
}
