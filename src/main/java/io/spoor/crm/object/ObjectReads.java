package io.spoor.crm.object;

import io.spoor.Ids;
import io.spoor.InvalidInputException;
import io.spoor.NotFoundException;
import io.spoor.crm.AssociationStore;
import io.spoor.crm.CrmObject;
import io.spoor.crm.ObjectStore.HistoryEntry;
import io.spoor.crm.ObjectStore;
import io.spoor.crm.ObjectType;
import io.spoor.crm.PropertyDefinition;
import io.spoor.crm.PropertyDefinitionStore;
import io.spoor.crm.association.Associations;
import io.spoor.store.Transactor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading objects of one type by id or by a unique property, as the CRM API names them;
 * listing; value history; the objects of other types each is associated with.
 */
public class ObjectReads<T extends CrmObject> {
  /** HubSpot's sourceType for values Spoor computes (object id, dates, analytics). */
  static final String CALCULATED = "CALCULATED";

  private final Transactor tx;
  private final ObjectStore<T> store;
  private final AssociationStore associations;
  private final ObjectType type;
  private final PropertyReader<T> reader;
  private final PropertyDefinitionStore definitions;
  private final Clock clock;

  public ObjectReads(Transactor tx, ObjectStore<T> store, AssociationStore associations, ObjectType type,
      PropertyReader<T> reader, PropertyDefinitionStore definitions, Clock clock) {
    this.tx = tx;
    this.store = store;
    this.associations = associations;
    this.type = type;
    this.reader = reader;
    this.definitions = definitions;
    this.clock = clock;
  }

  public ObjectType type() {
    return type;
  }

  /** How the API shows this type's values, without the portal's custom dates: for built-in properties only. */
  public PropertyReader<T> reader() {
    return reader;
  }

  /** How the API shows this type's values in a portal, its custom dates and datetimes included (reads them). */
  public PropertyReader<T> reader(long portalId) {
    return ObjectView.withCustom(reader, tx.read(() -> definitions.custom(portalId, type)));
  }

  /**
   * The portal's object named by {@code ref}: its object id, or with {@code idProperty} the
   * value of a unique property (the type's key, {@code hs_object_id} or a custom unique one).
   */
  public T get(long portalId, String ref, Optional<String> idProperty) {
    return tx.read(() -> find(portalId, ref, idProperty))
        .orElseThrow(() -> NotFoundException.object(ref));
  }

  /** The live objects {@code refs} name, in their order; the missing ones in one OBJECT_NOT_FOUND error. */
  public BatchResult<T> readAll(long portalId, List<String> refs, Optional<String> idProperty) {
    ObjectWrites.checkSize(refs);
    Instant started = Instant.ofEpochMilli(clock.millis());
    List<T> found = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    tx.read(() -> {
      for (String ref : new LinkedHashSet<>(refs)) {
        find(portalId, ref, idProperty).ifPresentOrElse(found::add, () -> missing.add(ref));
      }
      return null;
    });
    List<InputError> errors = missing.isEmpty() ? List.of() : List.of(InputError.notFound(type, missing));
    return new BatchResult<>(found, errors, started, Instant.ofEpochMilli(clock.millis()));
  }

  /** How many live objects the portal has. */
  public long count(long portalId) {
    return tx.read(() -> store.count(portalId));
  }

  /** One page of the portal's objects in id order, from the cursor {@code after} (an id) on. */
  public Page<T> list(long portalId, Optional<String> after, int limit) {
    long from = after.map(ObjectReads::cursor).orElse(0L);
    List<T> objects = tx.read(() -> store.page(portalId, from, limit + 1));
    if (objects.size() <= limit) {
      return new Page<>(objects, Optional.empty());
    }
    return new Page<>(objects.subList(0, limit), Optional.of(objects.get(limit).id()));
  }

  /**
   * The changes of each named property, newest first, values shown as reads show them.
   * Computed properties have one {@value #CALCULATED} entry with their value now.
   */
  public Map<String, List<HistoryEntry>> history(T object, Collection<String> names) {
    List<HistoryEntry> stored = tx.read(() -> store.history(object.id(), names));
    Map<String, PropertyDefinition> custom = new HashMap<>();
    tx.read(() -> definitions.custom(object.portalId(), type)).forEach(d -> custom.put(d.name(), d));
    Map<String, List<HistoryEntry>> byName = new LinkedHashMap<>();
    names.forEach(name -> byName.put(name, new ArrayList<>()));
    for (HistoryEntry e : stored) {
      PropertyDefinition definition = type.builtIn().getOrDefault(e.name(), custom.get(e.name()));
      String shown = definition == null ? e.value() : ObjectView.display(definition, e.value());
      byName.get(e.name()).add(new HistoryEntry(e.name(), shown, e.at(), e.sourceType(), e.sourceId()));
    }
    byName.forEach((name, entries) -> {
      PropertyDefinition definition = type.builtIn().get(name);
      if (definition != null && definition.readOnly()) {
        Instant at = name.equals(ObjectType.OBJECT_ID) || name.equals(ObjectType.CREATEDATE)
            ? object.createdAt() : object.updatedAt();
        reader.value(object, name).ifPresent(value -> entries.add(new HistoryEntry(name, value,
            at.toEpochMilli(), CALCULATED, Optional.empty())));
      }
    });
    return byName;
  }

  /**
   * For each of these objects, by type, the ids of the live objects associated with it; 400
   * when a type cannot be associated with this one.
   */
  public Map<Long, Map<ObjectType, List<Long>>> associated(long portalId, Collection<Long> ids,
      List<ObjectType> toTypes) {
    toTypes.forEach(to -> Associations.type(type, to));
    Map<Long, Map<ObjectType, List<Long>>> byObject = new LinkedHashMap<>();
    if (toTypes.isEmpty() || ids.isEmpty()) {
      return byObject;
    }
    tx.read(() -> {
      for (ObjectType to : toTypes) {
        Map<Long, List<Long>> found = associations.associated(portalId, ids, to);
        ids.forEach(id -> byObject.computeIfAbsent(id, k -> new LinkedHashMap<>())
            .put(to, found.getOrDefault(id, List.of())));
      }
      return null;
    });
    return byObject;
  }

  private Optional<T> find(long portalId, String ref, Optional<String> idProperty) {
    return ObjectRefs.resolve(store, portalId, type, ref, idProperty).flatMap(id -> store.find(portalId, id));
  }

  private static long cursor(String after) {
    return Ids.parse(after.trim()).orElseThrow(() ->
        new InvalidInputException("after must be the cursor from paging.next.after, was " + after));
  }

  /** Objects of one page, and the cursor of the next when there is one. */
  public record Page<T>(List<T> results, Optional<Long> next) {
  }
}
