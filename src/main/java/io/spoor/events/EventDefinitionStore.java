package io.spoor.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Event definitions of a portal, including deleted ones. Runs inside the caller's transaction. */
public interface EventDefinitionStore {
  Optional<EventDefinition> findById(long portalId, long id);

  /** Every definition ever given this name in the portal, deleted ones included. */
  List<EventDefinition> findByName(long portalId, String name);

  /** The live definition with this name, if there is one (a name is live at most once). */
  default Optional<EventDefinition> findLiveByName(long portalId, String name) {
    return findByName(portalId, name).stream().filter(d -> !d.isDeleted()).findFirst();
  }

  EventDefinition create(long portalId, String name, Origin origin, long at);

  /** How many live definitions of this origin the portal has. */
  long countLive(long portalId, Origin origin);

  /**
   * Up to {@code limit} live definitions whose names start with {@code namePrefix} ("" for all),
   * in id order, with ids above {@code afterId}.
   */
  List<EventDefinition> list(long portalId, String namePrefix, long afterId, int limit);

  /** How many live definitions have names starting with {@code namePrefix}. */
  long countNamed(long portalId, String namePrefix);

  /** Marks a live definition deleted; false when there is none with that id. */
  boolean delete(long portalId, long id, long at);

  /** Adds completions to each definition's count. */
  void addCompletions(Map<Long, Long> countsById);
}
