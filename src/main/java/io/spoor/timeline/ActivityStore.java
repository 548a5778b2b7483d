package io.spoor.timeline;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads what a contact did. Runs inside the caller's transaction. */
public interface ActivityStore {
  /** The contact's newest {@code limit} page views in the window, newest first. */
  List<Activity.PageVisit> pageViews(long portalId, long contactId, Window window, int limit);

  /**
   * The contact's newest {@code limit} event completions in the window, newest first, only those
   * of events named {@code name} when it is given.
   */
  List<Activity.EventDone> completions(long portalId, long contactId, Window window, Optional<String> name,
      int limit);

  /**
   * The contact's newest {@code limit} identifies, newest first: its property changes from hits
   * (not from the API or an import), those of one instant and one source making one identify.
   */
  List<Activity.Identified> identifies(long contactId, Window window, int limit);

  /** The time of the latest completion of each of these definitions; those never completed are absent. */
  Map<Long, Long> lastCompleted(long portalId, Collection<Long> definitionIds);
}
