package io.spoor.crm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One input of a contact write: the contact it names (none for a create) by object id or by
 * the value of {@code idProperty}, its raw property values, and the caller's trace id.
 */
public record ContactInput(Optional<String> id, Optional<String> idProperty, Map<String, String> properties,
    Optional<String> traceId) {

  public ContactInput {
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  public static ContactInput create(Map<String, String> properties) {
    return new ContactInput(Optional.empty(), Optional.empty(), properties, Optional.empty());
  }
}
