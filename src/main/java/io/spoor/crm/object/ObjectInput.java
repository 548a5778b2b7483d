package io.spoor.crm.object;

import io.spoor.crm.AssociationType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One input of a write: the object it names (none for a create) by object id or by the value
 * of {@code idProperty}, its raw property values, the caller's trace id, and the objects a
 * create associates the new one with.
 */
public record ObjectInput(Optional<String> id, Optional<String> idProperty, Map<String, String> properties,
    Optional<String> traceId, List<AssociationInput> associations) {

  public ObjectInput {
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    associations = List.copyOf(associations);
  }

  public static ObjectInput create(Map<String, String> properties, List<AssociationInput> associations) {
    return new ObjectInput(Optional.empty(), Optional.empty(), properties, Optional.empty(), associations);
  }

  /** An association a create asks for: the object it goes to, and of which type. */
  public record AssociationInput(long toId, AssociationType type) {
  }
}
