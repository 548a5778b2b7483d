package io.spoor.dashboard.records;

import io.spoor.events.EventDefinition;
import io.spoor.events.EventDefinitions;
import io.spoor.store.Transactor;
import io.spoor.timeline.ActivityStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The event definitions page: the portal's live definitions with their completion counts and when each was last completed. */
final class DefinitionsPage {
  /** Definitions listed on one page at most. */
  static final int MAX = 1_000;

  private final Transactor tx;
  private final EventDefinitions definitions;
  private final ActivityStore activity;

  DefinitionsPage(Transactor tx, EventDefinitions definitions, ActivityStore activity) {
    this.tx = tx;
    this.definitions = definitions;
    this.activity = activity;
  }

  /** The first {@value #MAX} live definitions in id order, each with the time of its latest completion. */
  List<Listed> list(long portalId) {
    List<EventDefinition> live = definitions.list(portalId, 0, MAX);
    Map<Long, Long> last = tx.read(() -> activity.lastCompleted(portalId,
        live.stream().map(EventDefinition::id).toList()));
    return live.stream().map(d -> new Listed(d, Optional.ofNullable(last.get(d.id())))).toList();
  }

  EventDefinition create(long portalId, String name) {
    return definitions.create(portalId, name);
  }

  boolean delete(long portalId, long id) {
    return definitions.delete(portalId, id);
  }

  /** A definition and the time (epoch ms) it was last completed, if ever. */
  record Listed(EventDefinition definition, Optional<Long> lastSeen) {
  }
}
