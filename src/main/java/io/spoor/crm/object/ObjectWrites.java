package io.spoor.crm.object;

import io.spoor.Ids;
import io.spoor.InvalidInputException;
import io.spoor.crm.AssociationStore;
import io.spoor.crm.CrmObject;
import io.spoor.crm.ObjectStore;
import io.spoor.crm.ObjectType;
import io.spoor.crm.PropertyDefinitionStore;
import io.spoor.crm.UniqueKey;
import io.spoor.crm.association.Associations;
import io.spoor.crm.object.ObjectWrite.Outcome;
import io.spoor.crm.object.ObjectWrite.Refused;
import io.spoor.crm.object.ObjectWrite.Saved;
import io.spoor.store.Transactor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Writes of the CRM API to objects of one type: create, update, upsert by the type's key and
 * archive, one at a time or in batches of up to {@value #MAX_BATCH}. Each call is one write
 * transaction through the same store as the ingest, so SQLite's single writer orders them with
 * hits. A batch create is all or nothing, as HubSpot's is; batch updates and upserts write the
 * inputs that pass and report the others.
 */
public class ObjectWrites<T extends CrmObject> {
  public static final int MAX_BATCH = 100;

  private final Transactor tx;
  private final ObjectStore<T> store;
  private final AssociationStore links;
  private final PropertyDefinitionStore definitions;
  private final ObjectType type;
  private final Clock clock;
  private final Associations associations;

  /** A create's associations are made in {@code links}; {@code associations} is what the object routes offer. */
  public ObjectWrites(Transactor tx, ObjectStore<T> store, AssociationStore links, PropertyDefinitionStore definitions,
      ObjectType type, Associations associations, Clock clock) {
    this.tx = tx;
    this.store = store;
    this.links = links;
    this.definitions = definitions;
    this.type = type;
    this.clock = clock;
    this.associations = associations;
  }

  public ObjectType type() {
    return type;
  }

  /** Associating this type's objects with others, through the same store. */
  public Associations associations() {
    return associations;
  }

  /** A new object; 400 listing every bad property, 404 for a missing associated object, 409 when its key is taken. */
  public T create(long portalId, ObjectInput input) {
    return createAll(portalId, List.of(input)).results().get(0).object();
  }

  /** Updates the live object {@code ref} names; 404 when there is none. */
  public T update(long portalId, String ref, Optional<String> idProperty, Map<String, String> properties) {
    BatchResult<Written<T>> result = updateAll(portalId,
        List.of(new ObjectInput(Optional.of(ref), idProperty, properties, Optional.empty(), List.of())));
    if (!result.errors().isEmpty()) {
      throw result.errors().get(0).toException();
    }
    return result.results().get(0).object();
  }

  /** All inputs created, or none: the first refused input fails the call. */
  public BatchResult<Written<T>> createAll(long portalId, List<ObjectInput> inputs) {
    checkSize(inputs);
    distinct("values of " + type.key().property(), inputs,
        input -> Optional.ofNullable(input.properties().get(type.key().property())).flatMap(type.key()::normalize));
    return run(portalId, inputs, (write, input) -> {
      Outcome outcome = write.create(input.properties(), input.associations());
      if (outcome instanceof Refused refused) {
        throw refused.error().toException();
      }
      return outcome;
    });
  }

  /** Inputs name objects by id or {@code idProperty}; unknown ones are reported, not written. */
  public BatchResult<Written<T>> updateAll(long portalId, List<ObjectInput> inputs) {
    checkSize(inputs);
    refuseAssociations(inputs);
    distinct("IDs", inputs, ObjectInput::id);
    return run(portalId, inputs, (write, input) -> {
      String ref = input.id().orElseThrow(() -> new InvalidInputException("every input needs an id"));
      Optional<Long> id = ObjectRefs.resolve(store, portalId, type, ref, input.idProperty())
          .filter(candidate -> store.isLive(portalId, candidate));
      return id.isPresent() ? write.update(id.get(), input.properties())
          : new Refused(InputError.notFound(type, List.of(ref)));
    });
  }

  /** Inputs name objects by the type's key: the object is updated, or created with that key. */
  public BatchResult<Written<T>> upsertAll(long portalId, List<ObjectInput> inputs) {
    checkSize(inputs);
    refuseAssociations(inputs);
    distinct("IDs", inputs, input -> input.id().map(id -> type.key().normalize(id).orElse(id)));
    return run(portalId, inputs, this::upsert);
  }

  /** Archives the portal's live objects among these object ids; other ids are ignored, as HubSpot does. */
  public void archiveAll(long portalId, List<String> ids) {
    checkSize(ids);
    List<Long> numeric = ids.stream().flatMap(id -> Ids.parse(id.trim()).stream()).toList();
    tx.inTransaction(() -> store.archive(portalId, numeric, clock.millis()));
  }

  private Outcome upsert(ObjectWrite write, ObjectInput input) {
    UniqueKey key = type.key();
    if (!input.idProperty().orElse("").equals(key.property())) {
      throw new InvalidInputException("Upserts name " + type.plural() + " by a unique property: idProperty must be "
          + key.property() + ", was " + input.idProperty().orElse("(none)"));
    }
    String ref = input.id().orElse("");
    Optional<String> canonical = key.normalize(ref);
    if (canonical.isEmpty()) {
      return new Refused(InputError.invalid(key.invalid(ref)));
    }
    Optional<String> given = Optional.ofNullable(input.properties().get(key.property()));
    if (given.isPresent() && !given.flatMap(key::normalize).equals(canonical)) {
      return new Refused(InputError.invalid("properties." + key.property() + " must match the id of an upsert by "
          + key.property()));
    }
    Optional<Long> existing = write.owner(canonical.get());
    if (existing.isPresent()) {
      return write.update(existing.get(), input.properties());
    }
    Map<String, String> withKey = new HashMap<>(input.properties());
    withKey.put(key.property(), canonical.get());
    return write.create(withKey, List.of());
  }

  private BatchResult<Written<T>> run(long portalId, List<ObjectInput> inputs,
      BiFunction<ObjectWrite, ObjectInput, Outcome> each) {
    long at = clock.millis();
    return tx.inTransaction(() -> {
      ObjectWrite write = new ObjectWrite(portalId, type, store, links, definitions, at);
      List<InputError> errors = new ArrayList<>();
      List<Saved> saved = new ArrayList<>();
      List<ObjectInput> savedInputs = new ArrayList<>();
      for (ObjectInput input : inputs) {
        Outcome outcome = each.apply(write, input);
        if (outcome instanceof Saved s) {
          saved.add(s);
          savedInputs.add(input);
        } else {
          errors.add(((Refused) outcome).error().withTrace(input.traceId()));
        }
      }
      write.finish();
      Map<Long, T> objects = store.findAll(portalId, saved.stream().map(Saved::id).toList());
      List<Written<T>> results = new ArrayList<>();
      for (int i = 0; i < saved.size(); i++) {
        results.add(new Written<>(objects.get(saved.get(i).id()), saved.get(i).created(),
            savedInputs.get(i).traceId()));
      }
      return new BatchResult<>(results, errors, Instant.ofEpochMilli(at), Instant.ofEpochMilli(clock.millis()));
    });
  }

  static void checkSize(List<?> inputs) {
    if (inputs.size() > MAX_BATCH) {
      throw new InvalidInputException("A batch takes at most " + MAX_BATCH + " inputs, got " + inputs.size());
    }
  }

  /** Associations are made on create only; refusing them elsewhere drops nothing silently. */
  private static void refuseAssociations(List<ObjectInput> inputs) {
    if (inputs.stream().anyMatch(input -> !input.associations().isEmpty())) {
      throw new InvalidInputException("associations are taken on create only; use the associations API");
    }
  }

  /** Refuses a batch in which two inputs name the same object (by {@code key}, when they have one). */
  private static void distinct(String what, List<ObjectInput> inputs, Function<ObjectInput, Optional<String>> key) {
    Set<String> seen = new LinkedHashSet<>();
    Set<String> duplicates = new LinkedHashSet<>();
    for (ObjectInput input : inputs) {
      key.apply(input).filter(k -> !seen.add(k)).ifPresent(duplicates::add);
    }
    if (!duplicates.isEmpty()) {
      throw new InvalidInputException("Duplicate " + what + " found in batch input: " + duplicates);
    }
  }
}
