package io.spoor.crm;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The objects of one type in a portal, keyed by the type's unique key (lowercase email,
 * domain). Their associations are an {@link AssociationStore}'s. Every call runs inside the caller's transaction; writes
 * take many objects at once so a batch costs a few statements. Archived objects are invisible
 * to every lookup, and their keys are free for new ones.
 */
public interface ObjectStore<T extends CrmObject> {
  /** History entries each property of an object keeps unless told otherwise. */
  int HISTORY_PER_PROPERTY = 20;

  /** The ids of the live objects with these (canonical) keys; keys with no object are absent. */
  Map<String, Long> idsByKey(long portalId, Collection<String> keys);

  /**
   * The live object whose (canonical) value of the portal's custom unique property {@code name}
   * is {@code value}; empty when none has, or when the portal has no such unique property.
   */
  Optional<Long> idByUniqueValue(long portalId, String name, String value);

  /**
   * Records the new values of custom unique properties among these changes as the objects'
   * own (a cleared one frees its value); changes of other properties are ignored. The caller
   * has checked that every value is free; one that is not makes this fail.
   */
  void indexUnique(Map<Long, List<PropertyChange>> changes);

  /** Reserves {@code count} consecutive new object ids, valid for this transaction. */
  long reserveIds(int count);

  /**
   * Inserts objects with reserved ids and their keys, if any (the key property itself is set
   * through {@link #apply}). A key already taken makes this fail, not duplicate.
   */
  void create(List<NewObject> objects);

  default Optional<T> find(long portalId, long id) {
    return Optional.ofNullable(findAll(portalId, List.of(id)).get(id));
  }

  /** The portal's live objects among these ids, with every stored value; others are absent. */
  Map<Long, T> findAll(long portalId, Collection<Long> ids);

  /** The ids of the portal's live objects among these, without reading the objects. */
  Set<Long> liveIds(long portalId, Collection<Long> ids);

  /** Whether the object is one of the portal's live objects. */
  default boolean isLive(long portalId, long id) {
    return liveIds(portalId, List.of(id)).contains(id);
  }

  /** How many live objects the portal has. */
  long count(long portalId);

  /** Up to {@code limit} live objects of the portal with ids from {@code fromId} on, in id order. */
  List<T> page(long portalId, long fromId, int limit);

  /** Stored values of these properties for each object ({@code names} empty: all); unset ones are absent. */
  Map<Long, Map<String, String>> values(Collection<Long> objectIds, Collection<String> names);

  /** Sets or clears properties, keeping each change in the history. */
  void apply(Map<Long, List<PropertyChange>> changes);

  /**
   * Replaces the key of each object (empty: none). The caller has checked that every new key
   * is free; one that is not makes this fail.
   */
  void rekey(long portalId, Map<Long, Optional<String>> keys);

  /** Archives the portal's live objects among these ids and frees their keys; others are left alone. */
  void archive(long portalId, Collection<Long> ids, long at);

  /**
   * The recorded changes of these properties of an object, newest first: at most the newest
   * entries the store keeps per property (older ones are trimmed as new ones come).
   */
  List<HistoryEntry> history(long objectId, Collection<String> names);

  /** Moves each object's last-modified time forward to the given epoch ms (never back). */
  void touch(Map<Long, Long> modifiedAt);

  /** An object about to be created, with or without a key. */
  record NewObject(long id, long portalId, Optional<String> key, long at) {
  }

  /** One recorded change: the value set ({@code ""} for a clear), when, and where it came from. */
  record HistoryEntry(String name, String value, long at, String sourceType, Optional<String> sourceId) {
  }
}
