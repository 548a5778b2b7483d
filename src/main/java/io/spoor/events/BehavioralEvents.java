package io.spoor.events;

import io.spoor.ConflictException;
import io.spoor.InvalidInputException;
import io.spoor.NotFoundException;
import io.spoor.store.Transactor;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Custom behavioural event definitions as HubSpot's events API keeps them: each is stored as
 * an app event named by its fully qualified name {@code pe<hubId>_<name>}, with its details.
 */
public final class BehavioralEvents {
  private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,100}");
  private static final Set<String> TYPES = Set.of("string", "number", "bool", "datetime", "enumeration");

  private final Transactor tx;
  private final EventDefinitionStore definitions;
  private final EventDetailsStore details;
  private final Clock clock;

  public BehavioralEvents(Transactor tx, EventDefinitionStore definitions, EventDetailsStore details, Clock clock) {
    this.tx = tx;
    this.definitions = definitions;
    this.details = details;
    this.clock = clock;
  }

  /** A definition with its details. */
  public record Defined(EventDefinition definition, EventDetails details) {
  }

  /** What every behavioural event's internal name of the portal starts with: {@code pe<hubId>_}. */
  public static String prefix(long hubId) {
    return "pe" + hubId + "_";
  }

  public static String fullyQualified(long hubId, String name) {
    String prefix = prefix(hubId);
    return name.startsWith(prefix) ? name : prefix + name;
  }

  public Defined create(long hubId, Optional<String> name, EventDetails d) {
    String shortName = name.orElse(d.label()).trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    if (!NAME.matcher(shortName).matches() || d.label().isBlank()) {
      throw new InvalidInputException("label is required and name must be lowercase letters, digits and _");
    }
    checkProperties(d.properties());
    String qualified = fullyQualified(hubId, shortName);
    return tx.inTransaction(() -> {
      if (live(hubId, qualified).isPresent()) {
        throw new ConflictException("An event named " + qualified + " already exists");
      }
      EventDefinition created = definitions.create(hubId, qualified, Origin.APP, clock.millis());
      details.save(created.id(), d);
      return new Defined(created, d);
    });
  }

  /** The portal's definitions: how many in all, and up to {@code limit} in id order after {@code afterId}. */
  public Listed list(long hubId, long afterId, int limit) {
    return tx.read(() -> {
      String prefix = prefix(hubId);
      List<EventDefinition> mine = definitions.list(hubId, prefix, afterId, limit);
      Map<Long, EventDetails> byId = details.find(mine.stream().map(EventDefinition::id).toList());
      return new Listed(definitions.countNamed(hubId, prefix), mine.stream().map(d -> new Defined(d,
          byId.getOrDefault(d.id(), new EventDetails(d.name(), "", List.of())))).toList());
    });
  }

  /** A page of definitions and how many the portal has. */
  public record Listed(long total, List<Defined> page) {
  }

  public Defined get(long hubId, String name) {
    return tx.read(() -> find(hubId, name));
  }

  private Defined find(long hubId, String name) {
    return live(hubId, fullyQualified(hubId, name)).map(d -> new Defined(d,
        details.find(List.of(d.id())).getOrDefault(d.id(), new EventDetails(d.name(), "", List.of()))))
        .orElseThrow(() -> new NotFoundException("No event definition named " + name, name));
  }

  /**
   * Changes a live definition's label, description and properties: properties may be added
   * and relabelled, never removed or retyped (events already sent carry them); 404 when the
   * portal has no live definition of that name.
   */
  public Defined update(long hubId, String name, EventDetailsPatch patch) {
    return tx.inTransaction(() -> {
      Defined current = find(hubId, name);
      EventDetails old = current.details();
      List<EventDetails.EventProperty> properties = patch.properties().orElse(old.properties());
      checkProperties(properties);
      Map<String, EventDetails.EventProperty> given = new HashMap<>();
      properties.forEach(p -> given.put(p.name(), p));
      for (EventDetails.EventProperty before : old.properties()) {
        EventDetails.EventProperty after = given.get(before.name());
        if (after == null) {
          throw new InvalidInputException("property " + before.name() + " cannot be removed from an event definition");
        }
        if (!after.type().equals(before.type())) {
          throw new InvalidInputException("property " + before.name() + " is a " + before.type()
              + " and cannot become a " + after.type());
        }
      }
      String label = patch.label().orElse(old.label());
      if (label.isBlank()) {
        throw new InvalidInputException("label must not be blank");
      }
      EventDetails updated = new EventDetails(label, patch.description().orElse(old.description()), properties);
      details.save(current.definition().id(), updated);
      return new Defined(current.definition(), updated);
    });
  }

  /** The parts of a definition a PATCH changes; absent ones are kept. */
  public record EventDetailsPatch(Optional<String> label, Optional<String> description,
      Optional<List<EventDetails.EventProperty>> properties) {
  }

  public void delete(long hubId, String name) {
    tx.inTransaction(() -> {
      EventDefinition d = live(hubId, fullyQualified(hubId, name))
          .orElseThrow(() -> new NotFoundException("No event definition named " + name, name));
      definitions.delete(hubId, d.id(), clock.millis());
    });
  }

  private static void checkProperties(List<EventDetails.EventProperty> properties) {
    Set<String> names = new HashSet<>();
    properties.forEach(p -> {
      if (!NAME.matcher(p.name()).matches() || !TYPES.contains(p.type())) {
        throw new InvalidInputException("property " + p.name() + ": names are [a-z0-9_], types one of " + TYPES);
      }
      if (!names.add(p.name())) {
        throw new InvalidInputException("property " + p.name() + " is defined twice");
      }
    });
  }

  private Optional<EventDefinition> live(long hubId, String qualified) {
    return definitions.findLiveByName(hubId, qualified);
  }
}
