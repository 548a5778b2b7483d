package io.spoor.crm;

import java.util.Optional;
import java.util.function.Function;

/**
 * The built-in property that identifies the objects of a type (email for contacts, domain for
 * companies): one live object per canonical value in a portal.
 *
 * @param property the property's name
 * @param noun how a refusal names a value, e.g. {@code Email address}
 * @param problem HubSpot's code for a value that is not a key, e.g. {@code INVALID_EMAIL}
 */
public record UniqueKey(String property, String noun, String problem, Function<String, Optional<String>> canonical) {

  /** The canonical form of a value, or empty when it cannot be a key. */
  public Optional<String> normalize(String raw) {
    return canonical.apply(raw);
  }

  /** Why a value that is not a key was refused; long values are cut. */
  public String invalid(String raw) {
    return noun + " " + (raw.length() > 100 ? raw.substring(0, 100) + "…" : raw) + " is invalid";
  }
}
