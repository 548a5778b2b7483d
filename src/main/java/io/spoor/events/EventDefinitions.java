package io.spoor.events;

import io.spoor.ConflictException;
import io.spoor.InvalidInputException;
import io.spoor.store.Transactor;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The admin side of event definitions: create in the app, list with counts, delete. */
public final class EventDefinitions {
  private final Transactor tx;
  private final EventDefinitionStore store;
  private final Clock clock;

  public EventDefinitions(Transactor tx, EventDefinitionStore store, Clock clock) {
    this.tx = tx;
    this.store = store;
    this.clock = clock;
  }

  /** Creates an app event; refused when a live event already has the name. */
  public EventDefinition create(long portalId, String name) {
    String trimmed = name == null ? "" : name.trim();
    if (!EventDefinition.isValidName(trimmed)) {
      throw new InvalidInputException("name must be 1 to " + EventDefinition.MAX_NAME
          + " characters without control characters");
    }
    return tx.inTransaction(() -> {
      Optional<EventDefinition> live = store.findLiveByName(portalId, trimmed);
      if (live.isPresent()) {
        throw new ConflictException("An event named " + trimmed + " already exists. Existing ID: "
            + live.get().displayId());
      }
      return store.create(portalId, trimmed, Origin.APP, clock.millis());
    });
  }

  /** Up to {@code limit} live definitions in id order, with ids above {@code afterId}. */
  public List<EventDefinition> list(long portalId, long afterId, int limit) {
    return tx.read(() -> store.list(portalId, "", afterId, limit));
  }

  /** Deletes a live definition; false when the portal has none with that id. */
  public boolean delete(long portalId, long id) {
    return tx.inTransaction(() -> store.delete(portalId, id, clock.millis()));
  }
}
