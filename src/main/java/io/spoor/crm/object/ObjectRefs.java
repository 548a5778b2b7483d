package io.spoor.crm.object;

import io.spoor.Ids;
import io.spoor.InvalidInputException;
import io.spoor.crm.ObjectStore;
import io.spoor.crm.ObjectType;
import io.spoor.crm.UniqueKey;
import java.util.List;
import java.util.Optional;

/**
 * How the CRM API names an object: its object id, or with {@code idProperty} the value of a
 * unique property: the type's key (email, domain) or a custom property with unique values.
 */
final class ObjectRefs {
  private ObjectRefs() {
  }

  /**
   * The id {@code ref} names in the portal, not yet checked to be live; empty when nothing can
   * match. An {@code idProperty} that is a built-in property without unique values is refused.
   */
  static Optional<Long> resolve(ObjectStore<?> store, long portalId, ObjectType type, String ref,
      Optional<String> idProperty) {
    String property = idProperty.orElse(ObjectType.OBJECT_ID);
    if (property.equals(ObjectType.OBJECT_ID)) {
      return Ids.parse(ref.trim());
    }
    UniqueKey key = type.key();
    if (property.equals(key.property())) {
      return key.normalize(ref).flatMap(k -> Optional.ofNullable(store.idsByKey(portalId, List.of(k)).get(k)));
    }
    if (type.builtIn().containsKey(property)) {
      throw new InvalidInputException("idProperty must be a unique property (" + key.property()
          + ", hs_object_id or a custom property with unique values), was " + property);
    }
    return store.idByUniqueValue(portalId, property, ref);
  }
}
