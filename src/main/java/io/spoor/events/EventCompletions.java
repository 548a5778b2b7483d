package io.spoor.events;

import io.spoor.Ids;
import io.spoor.events.Resolution.Found;
import io.spoor.events.Resolution.Refusal;
import io.spoor.events.Resolution.Refused;
import io.spoor.store.Deferred;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Resolves event references and records completions for one batch of hits, applying
 * HubSpot's rules. Completions and counts are written at {@link #flush()}.
 */
public final class EventCompletions implements Deferred {

  private final EventDefinitionStore definitions;
  private final CompletionStore completions;
  private final DynamicDefinitionGate gate;
  private final Map<String, Resolution> resolved = new HashMap<>();
  private final List<Completion> pending = new ArrayList<>();
  private final Map<Long, Long> counts = new HashMap<>();

  public EventCompletions(EventDefinitionStore definitions, CompletionStore completions,
      DynamicDefinitionGate gate) {
    this.definitions = definitions;
    this.completions = completions;
    this.gate = gate;
  }

  /** Resolves a numeric id or a name; a new name creates a dynamic definition at {@code at}. */
  public Resolution resolve(long portalId, String reference, long at) {
    String key = portalId + ":" + reference;
    Resolution resolution = resolved.get(key);
    if (resolution == null) {
      Optional<Long> id = Ids.parse(reference);
      resolution = id.isPresent() ? byId(portalId, id.get()) : byName(portalId, reference, at);
      resolved.put(key, resolution);
    }
    return resolution;
  }

  public void complete(EventDefinition definition, Optional<Long> contactId, String hitId,
      long at, OptionalLong valueMicros, CompletionSource source, Map<String, String> properties) {
    pending.add(new Completion(definition.portalId(), definition.id(), contactId, hitId, at,
        valueMicros, source.name(), properties));
    counts.merge(definition.id(), 1L, Long::sum);
  }

  @Override
  public void flush() {
    completions.insert(pending);
    definitions.addCompletions(counts);
    pending.clear();
    counts.clear();
  }

  private Resolution byId(long portalId, long id) {
    Optional<EventDefinition> definition = definitions.findById(portalId, id);
    if (definition.isEmpty()) {
      return new Refused(Refusal.UNKNOWN_EVENT_ID, "no event with id " + id);
    }
    return definition.get().isDeleted()
        ? new Refused(Refusal.DELETED_EVENT, "event " + definition.get().displayId() + " was deleted")
        : new Found(definition.get());
  }

  private Resolution byName(long portalId, String name, long at) {
    if (!EventDefinition.isValidName(name)) {
      return new Refused(Refusal.INVALID_EVENT_NAME,
          "event names are 1 to " + EventDefinition.MAX_NAME + " characters without control characters");
    }
    List<EventDefinition> named = definitions.findByName(portalId, name);
    Optional<EventDefinition> live = named.stream().filter(d -> !d.isDeleted()).findFirst();
    if (live.isPresent()) {
      return live.get().origin() == Origin.DYNAMIC ? new Found(live.get())
          : new Refused(Refusal.APP_EVENT_BY_NAME, "event " + live.get().displayId()
              + " was created in the app and triggers only by its id");
    }
    if (named.stream().anyMatch(d -> d.origin() == Origin.DYNAMIC)) {
      return new Refused(Refusal.DELETED_EVENT_NAME,
          "the dynamic event named so was deleted; deleted names are not created again");
    }
    Optional<String> refusal = gate.refusal(portalId, at);
    if (refusal.isPresent()) {
      return new Refused(Refusal.DEFINITION_LIMIT, refusal.get());
    }
    EventDefinition created = definitions.create(portalId, name, Origin.DYNAMIC, at);
    gate.created(portalId, at);
    return new Found(created);
  }
}
