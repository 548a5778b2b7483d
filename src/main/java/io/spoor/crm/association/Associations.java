package io.spoor.crm.association;

import io.spoor.Ids;
import io.spoor.InvalidInputException;
import io.spoor.NotFoundException;
import io.spoor.crm.AssociationStore.Association;
import io.spoor.crm.AssociationStore;
import io.spoor.crm.AssociationType;
import io.spoor.crm.ObjectType;
import io.spoor.store.Transactor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Associating objects of a portal with objects of another type, listing and removing the
 * associations. Both ends must be live objects of the caller's portal: any other id is
 * answered as not found, so a portal learns nothing of another's objects.
 */
public final class Associations {
  private final Transactor tx;
  private final AssociationStore store;
  private final Clock clock;

  public Associations(Transactor tx, AssociationStore store, Clock clock) {
    this.tx = tx;
    this.store = store;
    this.clock = clock;
  }

  /** The association made (or already there), with when the call ran. */
  public record Associated(long fromId, long toId, AssociationType type, Instant startedAt, Instant completedAt) {
  }

  /** Associates two objects with the type's default association; 404 when either is missing. */
  public Associated associate(long portalId, AssociationType type, String fromRef, String toRef) {
    Instant started = Instant.ofEpochMilli(clock.millis());
    Association association = tx.inTransaction(() -> {
      Association a = new Association(live(portalId, type.from(), fromRef), type, live(portalId, type.to(), toRef));
      store.associate(portalId, a, started.toEpochMilli());
      return a;
    });
    return new Associated(association.fromId(), association.toId(), type, started,
        Instant.ofEpochMilli(clock.millis()));
  }

  /** Up to {@code limit} ids of the live objects of the type's target associated with the object, in id order after {@code afterId}. */
  public List<Long> list(long portalId, AssociationType type, String fromRef, long afterId, int limit) {
    return tx.read(() -> store.associated(portalId, live(portalId, type.from(), fromRef), type.to(), afterId, limit));
  }

  /** Removes the association of two objects, both ways; 404 when either is missing, 204 when there was none. */
  public void remove(long portalId, AssociationType type, String fromRef, String toRef) {
    tx.inTransaction(() -> store.dissociate(portalId, live(portalId, type.from(), fromRef),
        live(portalId, type.to(), toRef)));
  }

  /** The default association type between two object types; 400 when they cannot be associated. */
  public static AssociationType type(ObjectType from, ObjectType to) {
    return AssociationType.between(from, to).orElseThrow(() -> new InvalidInputException(
        from.plural() + " cannot be associated with " + to.plural()));
  }

  /** The type a v3 path names (by name or id); 400 unless it goes from {@code from} to {@code to}. */
  public static AssociationType type(ObjectType from, ObjectType to, String name) {
    return AssociationType.byName(name).filter(t -> t.from() == from && t.to() == to)
        .orElseThrow(() -> new InvalidInputException("association type " + name + " does not go from "
            + from.plural() + " to " + to.plural() + "; use " + type(from, to).wireName()));
  }

  /** An object type by its plural name; 400 for others, in HubSpot's words. */
  public static ObjectType objectType(String name) {
    return ObjectType.fromPlural(name)
        .orElseThrow(() -> new InvalidInputException("Unable to infer object type from: " + name));
  }

  private long live(long portalId, ObjectType type, String ref) {
    String id = ref.trim();
    Set<Long> live = Ids.parse(id).map(n -> store.live(portalId, type, List.of(n))).orElse(Set.of());
    if (live.isEmpty()) {
      throw new NotFoundException("No " + type.label().toLowerCase(Locale.ROOT) + " with ID " + ref + " exists", ref);
    }
    return live.iterator().next();
  }
}
