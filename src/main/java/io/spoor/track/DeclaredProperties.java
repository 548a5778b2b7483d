package io.spoor.track;

import io.spoor.events.EventDefinition;
import io.spoor.events.EventDetails;
import io.spoor.events.EventDetailsStore;
import io.spoor.ingest.Batch;
import io.spoor.ingest.Hit;
import io.spoor.ingest.RejectReason;
import io.spoor.store.Deferred;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The behavioural-event property rule, the same for {@code /__ptbe.gif} and
 * {@code /events/v3/send}: a property the event's definition declares is kept; any other is
 * not, and the rejection list says so ({@code UNKNOWN_PROPERTY}). At most the cap's number
 * of properties is looked at, the first by name (a hit's properties have no order of their
 * own); those beyond are refused together.
 */
final class DeclaredProperties {
  private DeclaredProperties() {
  }

  static Map<String, String> kept(EventDetailsStore details, EventDefinition definition, Hit hit,
      Map<String, String> properties, PerHitCap cap, Batch batch) {
    Set<String> names = batch.part(Declared.class, () -> new Declared(details)).names(definition.id());
    Map<String, String> kept = new LinkedHashMap<>();
    List<String> sent = properties.keySet().stream().sorted().toList();
    for (String name : cap.keep(hit, sent, n -> n, batch)) {
      if (names.contains(name)) {
        kept.put(name, properties.get(name));
      } else {
        batch.reject(hit, RejectReason.UNKNOWN_PROPERTY, false, "event " + definition.name()
            + " declares no property " + name);
      }
    }
    return kept;
  }

  /** The property names each definition declares, read once per batch rather than once per hit. */
  private static final class Declared implements Deferred {
    private final EventDetailsStore details;
    private final Map<Long, Set<String>> byDefinition = new HashMap<>();

    Declared(EventDetailsStore details) {
      this.details = details;
    }

    Set<String> names(long definitionId) {
      return byDefinition.computeIfAbsent(definitionId, id -> details.find(List.of(id))
          .getOrDefault(id, new EventDetails("", "", List.of())).properties().stream()
          .map(EventDetails.EventProperty::name).collect(Collectors.toSet()));
    }

    @Override
    public void flush() {
      // nothing to write: it only remembers what was read
    }
  }
}
