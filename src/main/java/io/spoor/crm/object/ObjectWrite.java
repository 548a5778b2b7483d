package io.spoor.crm.object;

import io.spoor.crm.AssociationStore.Association;
import io.spoor.crm.AssociationStore;
import io.spoor.crm.ChangeSource;
import io.spoor.crm.ObjectChanges;
import io.spoor.crm.ObjectStore;
import io.spoor.crm.ObjectType;
import io.spoor.crm.PropertyChange;
import io.spoor.crm.PropertyDefinition;
import io.spoor.crm.PropertyDefinitionStore;
import io.spoor.crm.object.ObjectInput.AssociationInput;
import io.spoor.crm.object.PropertyCheck.Checked;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The writes of one API call to objects of one type, inside its transaction. Each input is
 * checked whole before anything of it is queued, so a refused input leaves nothing behind;
 * keys taken by earlier inputs of the call count as taken. {@link #finish()} writes everything
 * at once through {@link ObjectChanges}, the path the ingest uses, then the associations.
 */
final class ObjectWrite {
  private final long portalId;
  private final ObjectType type;
  private final ObjectStore<?> store;
  private final AssociationStore associationStore;
  private final ObjectChanges changes;
  private final long at;
  private static final long NEW = -1;
  private final Map<String, Long> claimed = new HashMap<>();
  private final Map<Long, Optional<String>> rekeyed = new LinkedHashMap<>();
  private final List<Association> associations = new ArrayList<>();

  ObjectWrite(long portalId, ObjectType type, ObjectStore<?> store, AssociationStore associationStore,
      PropertyDefinitionStore definitions, long at) {
    this.portalId = portalId;
    this.type = type;
    this.store = store;
    this.associationStore = associationStore;
    this.changes = new ObjectChanges(store, definitions, type);
    this.at = at;
  }

  /** What became of one input: the object written, or why not. */
  sealed interface Outcome {
  }

  record Saved(long id, boolean created) implements Outcome {
  }

  record Refused(InputError error) implements Outcome {
  }

  /** A new object, associated with live objects of the portal. */
  Outcome create(Map<String, String> raw, List<AssociationInput> links) {
    Checked checked = check(Optional.empty(), raw);
    if (!checked.valid()) {
      return new Refused(InputError.invalid(checked.message()));
    }
    Optional<InputError> badLink = checkLinks(links);
    if (badLink.isPresent()) {
      return new Refused(badLink.get());
    }
    Optional<String> key = checked.values().getOrDefault(type.key().property(), Optional.empty());
    Optional<Long> owner = key.flatMap(this::owner).or(() -> uniqueOwner(NEW, checked.values()));
    if (owner.isPresent()) {
      return new Refused(InputError.conflict(type, owner.get()));
    }
    long id = changes.create(portalId, key, at, ChangeSource.API);
    key.ifPresent(k -> claimed.put(k, id));
    claimUnique(id, checked.values());
    queue(id, checked.values());
    links.forEach(link -> associations.add(new Association(id, link.type(), link.toId())));
    return new Saved(id, true);
  }

  /** Updates a live object of the portal (the caller has checked that it is one). */
  Outcome update(long id, Map<String, String> raw) {
    Checked checked = check(Optional.of(id), raw);
    if (!checked.valid()) {
      return new Refused(InputError.invalid(checked.message()));
    }
    Optional<Long> taken = uniqueOwner(id, checked.values());
    if (taken.isPresent()) {
      return new Refused(InputError.conflict(type, taken.get()));
    }
    String property = type.key().property();
    Optional<String> before = changes.current(id, property);
    Optional<String> after = checked.values().getOrDefault(property, before);
    if (!after.equals(before)) {
      Optional<Long> owner = after.flatMap(this::owner).filter(other -> other != id);
      if (owner.isPresent()) {
        return new Refused(InputError.conflict(type, owner.get()));
      }
      after.ifPresent(k -> claimed.put(k, id));
      rekeyed.put(id, after);
    }
    claimUnique(id, checked.values());
    queue(id, checked.values());
    return new Saved(id, false);
  }

  /** The object that has, or in this call took, the (canonical) key. */
  Optional<Long> owner(String key) {
    Long taken = claimed.get(key);
    if (taken != null) {
      return Optional.of(taken);
    }
    return Optional.ofNullable(store.idsByKey(portalId, List.of(key)).get(key));
  }

  /** Another object that has one of these values of a custom property with unique values. */
  private Optional<Long> uniqueOwner(long id, Map<String, Optional<String>> values) {
    for (Map.Entry<String, Optional<String>> e : values.entrySet()) {
      if (e.getValue().isPresent() && isUnique(e.getKey())) {
        Optional<Long> owner = changes.uniqueOwner(portalId, e.getKey(), e.getValue().get(), id);
        if (owner.isPresent()) {
          return owner;
        }
      }
    }
    return Optional.empty();
  }

  private void claimUnique(long id, Map<String, Optional<String>> values) {
    values.forEach((name, value) -> value.filter(v -> isUnique(name))
        .ifPresent(v -> changes.claimUnique(portalId, name, v, id)));
  }

  /** A custom property with unique values (the type's key is kept apart, by {@link #owner}). */
  private boolean isUnique(String name) {
    return !type.builtIn().containsKey(name)
        && changes.definition(portalId, name).map(PropertyDefinition::hasUniqueValue).orElse(false);
  }

  /** Writes every saved input: new objects, values with their history, keys, associations. */
  void finish() {
    changes.flush();
    store.rekey(portalId, rekeyed);
    associations.forEach(association -> associationStore.associate(portalId, association, at));
  }

  /** Every association must start from this type and reach a live object of the portal. */
  private Optional<InputError> checkLinks(List<AssociationInput> links) {
    for (AssociationInput link : links) {
      if (link.type().from() != type) {
        return Optional.of(InputError.invalid("associationTypeId " + link.type().id() + " goes from "
            + link.type().from().plural() + ", not from " + type.plural()));
      }
    }
    for (ObjectType to : ObjectType.values()) {
      List<Long> ids = links.stream().filter(l -> l.type().to() == to).map(AssociationInput::toId).toList();
      Set<Long> live = ids.isEmpty() ? Set.of() : associationStore.live(portalId, to, ids);
      List<String> missing = ids.stream().filter(id -> !live.contains(id)).map(String::valueOf).toList();
      if (!missing.isEmpty()) {
        return Optional.of(InputError.notFound(to, missing));
      }
    }
    return Optional.empty();
  }

  private Checked check(Optional<Long> id, Map<String, String> raw) {
    return PropertyCheck.check(type, raw, name -> changes.definition(portalId, name),
        name -> id.flatMap(object -> changes.current(object, name)));
  }

  private void queue(long id, Map<String, Optional<String>> values) {
    values.forEach((name, value) -> changes.change(id, new PropertyChange(name, value, at, ChangeSource.API)));
  }
}
