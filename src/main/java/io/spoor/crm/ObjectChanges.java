package io.spoor.crm;

import io.spoor.crm.ObjectStore.NewObject;
import io.spoor.store.Deferred;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The writes to objects of one type in one batch, coalesced. Keys are looked up together up
 * front; a new key gets a reserved id at once (so two writes for it make one object) and is
 * inserted at {@link #flush()} with every other change: a batch costs a few statements, not a
 * few per write.
 */
public class ObjectChanges implements Deferred {
  private static final int ID_BLOCK = 64;
  private static final long ABSENT = -1;

  private final ObjectStore<?> store;
  private final PropertyDefinitionStore definitions;
  private final ObjectType type;
  private final Map<PortalKey, Long> idsByKey = new HashMap<>();
  private final Map<Long, Map<String, PropertyDefinition>> definitionsByPortal = new HashMap<>();
  private final List<NewObject> created = new ArrayList<>();
  private final Set<Long> createdIds = new HashSet<>();
  private final Map<Long, LinkedHashMap<String, PropertyChange>> changes = new LinkedHashMap<>();
  private final Set<String> uniqueNames = new HashSet<>();
  private final Map<String, Long> uniqueClaims = new HashMap<>();
  private long nextId;
  private long endOfBlock;

  public ObjectChanges(ObjectStore<?> store, PropertyDefinitionStore definitions, ObjectType type) {
    this.store = store;
    this.definitions = definitions;
    this.type = type;
  }

  /** Looks up many keys of a portal in one go, so {@link #byKey} needs no query for them. */
  public void prefetch(long portalId, Collection<String> keys) {
    Map<String, Long> found = store.idsByKey(portalId, keys);
    for (String key : keys) {
      idsByKey.putIfAbsent(new PortalKey(portalId, key), found.getOrDefault(key, ABSENT));
    }
  }

  /** The id of the portal's object with this (canonical) key, created if absent. */
  public long byKey(long portalId, String key, long at, ChangeSource source) {
    return find(portalId, key).orElseGet(() -> create(portalId, Optional.of(key), at, source));
  }

  /** The id of the portal's object with this (canonical) key; empty when {@link #byKey} would create it. */
  public Optional<Long> find(long portalId, String key) {
    PortalKey cacheKey = new PortalKey(portalId, key);
    Long id = idsByKey.get(cacheKey);
    if (id == null) {
      id = store.idsByKey(portalId, List.of(key)).getOrDefault(key, ABSENT);
      idsByKey.put(cacheKey, id);
    }
    return id == ABSENT ? Optional.empty() : Optional.of(id);
  }

  /** A new object of the portal; its key, if any, must be free (the caller has checked). */
  public long create(long portalId, Optional<String> key, long at, ChangeSource source) {
    long id = newId();
    created.add(new NewObject(id, portalId, key, at));
    createdIds.add(id);
    key.ifPresent(k -> {
      idsByKey.put(new PortalKey(portalId, k), id);
      change(id, new PropertyChange(type.key().property(), Optional.of(k), at, source));
    });
    return id;
  }

  /** The definition of a property of the portal: built-in or custom. */
  public Optional<PropertyDefinition> definition(long portalId, String name) {
    PropertyDefinition builtIn = type.builtIn().get(name);
    if (builtIn != null) {
      return Optional.of(builtIn);
    }
    return Optional.ofNullable(definitionsByPortal.computeIfAbsent(portalId, this::customOf).get(name));
  }

  /** The value as it will be after this batch's changes so far. */
  public Optional<String> current(long objectId, String name) {
    PropertyChange pending = changes.getOrDefault(objectId, new LinkedHashMap<>()).get(name);
    if (pending != null) {
      return pending.value();
    }
    if (createdIds.contains(objectId)) {
      return Optional.empty();
    }
    return Optional.ofNullable(store.values(List.of(objectId), List.of(name))
        .getOrDefault(objectId, Map.of()).get(name));
  }

  /**
   * The other object of the portal that has, or in this batch took, this (canonical) value of a
   * custom property with unique values; empty when it is free for {@code objectId} (-1: an
   * object not yet created). A value taken in this batch and since changed again is free.
   */
  public Optional<Long> uniqueOwner(long portalId, String name, String value, long objectId) {
    Long claimed = uniqueClaims.get(claimKey(portalId, name, value));
    List<Long> candidates = new ArrayList<>();
    if (claimed != null) {
      candidates.add(claimed);
    }
    store.idByUniqueValue(portalId, name, value).ifPresent(candidates::add);
    return candidates.stream().filter(owner -> owner != objectId)
        .filter(owner -> current(owner, name).equals(Optional.of(value))).findFirst();
  }

  /** Notes that {@code objectId} takes this value of a unique property in this batch; it changes it through {@link #change}. */
  public void claimUnique(long portalId, String name, String value, long objectId) {
    uniqueClaims.put(claimKey(portalId, name, value), objectId);
  }

  private static String claimKey(long portalId, String name, String value) {
    return portalId + "\u0000" + name + "\u0000" + value;
  }

  public void change(long objectId, PropertyChange change) {
    changes.computeIfAbsent(objectId, id -> new LinkedHashMap<>()).put(change.name(), change);
  }

  @Override
  public void flush() {
    store.create(created);
    Map<Long, List<PropertyChange>> effective = effective();
    store.apply(effective);
    indexUnique(effective);
    Map<Long, Long> modified = new HashMap<>();
    effective.forEach((id, list) -> {
      if (!createdIds.contains(id)) {
        modified.put(id, list.stream().mapToLong(PropertyChange::at).max().orElseThrow());
      }
    });
    store.touch(modified);
    created.clear();
    createdIds.clear();
    changes.clear();
    uniqueClaims.clear();
  }

  /** Hands the store the changes of properties that have unique values in some portal of this batch. */
  private void indexUnique(Map<Long, List<PropertyChange>> effective) {
    if (uniqueNames.isEmpty()) {
      return;
    }
    Map<Long, List<PropertyChange>> unique = new LinkedHashMap<>();
    effective.forEach((id, list) -> {
      List<PropertyChange> mine = list.stream().filter(c -> uniqueNames.contains(c.name())).toList();
      if (!mine.isEmpty()) {
        unique.put(id, mine);
      }
    });
    store.indexUnique(unique);
  }

  /** Drops changes that would leave a value as it is, so the history records only changes. */
  private Map<Long, List<PropertyChange>> effective() {
    Set<Long> existing = new HashSet<>(changes.keySet());
    existing.removeAll(createdIds);
    Set<String> names = new HashSet<>();
    existing.forEach(id -> names.addAll(changes.get(id).keySet()));
    Map<Long, Map<String, String>> stored = store.values(existing, names);
    Map<Long, List<PropertyChange>> effective = new LinkedHashMap<>();
    changes.forEach((id, byName) -> {
      Map<String, String> values = stored.getOrDefault(id, Map.of());
      List<PropertyChange> list = new ArrayList<>();
      for (PropertyChange change : byName.values()) {
        if (!change.value().equals(Optional.ofNullable(values.get(change.name())))) {
          list.add(change);
        }
      }
      if (!list.isEmpty()) {
        effective.put(id, list);
      }
    });
    return effective;
  }

  private long newId() {
    if (nextId == endOfBlock) {
      nextId = store.reserveIds(ID_BLOCK);
      endOfBlock = nextId + ID_BLOCK;
    }
    return nextId++;
  }

  private Map<String, PropertyDefinition> customOf(long portalId) {
    Map<String, PropertyDefinition> byName = new HashMap<>();
    definitions.custom(portalId, type).forEach(d -> {
      byName.put(d.name(), d);
      if (d.hasUniqueValue()) {
        uniqueNames.add(d.name());
      }
    });
    return byName;
  }

  /** An object's unique key within its portal, as the batch caches it. */
  private record PortalKey(long portalId, String key) {
  }
}
