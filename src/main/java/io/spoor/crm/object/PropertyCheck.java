package io.spoor.crm.object;

import io.spoor.crm.ObjectType;
import io.spoor.crm.PropertyDefinition;
import io.spoor.crm.PropertyValue;
import io.spoor.crm.PropertyValues;
import io.spoor.crm.UniqueKey;
import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The values of one API write checked against the portal's property definitions, all of them:
 * HubSpot answers with every problem, not the first. The type's key (email, domain) must be
 * one and is stored canonical; {@code ""} clears a value.
 */
final class PropertyCheck {
  private PropertyCheck() {
  }

  /**
   * The outcome: values to write (empty: clear) in canonical form, or the problems.
   */
  record Checked(Map<String, Optional<String>> values, List<PropertyProblem> problems) {
    boolean valid() {
      return problems.isEmpty();
    }

    /** HubSpot's message: {@code Property values were not valid: [...]} with each problem as JSON. */
    String message() {
      JsonArray list = new JsonArray();
      problems.forEach(p -> list.add(p.toJson()));
      return "Property values were not valid: " + list.encode();
    }
  }

  /**
   * Checks raw values; {@code current} gives a stored value when a rule depends on it
   * (lifecycle stage only moves forward).
   */
  static Checked check(ObjectType type, Map<String, String> raw,
      Function<String, Optional<PropertyDefinition>> definitions, Function<String, Optional<String>> current) {
    UniqueKey key = type.key();
    Map<String, Optional<String>> values = new LinkedHashMap<>();
    List<PropertyProblem> problems = new ArrayList<>();
    raw.forEach((name, value) -> {
      Optional<PropertyDefinition> definition = PropertyDefinition.NAME.matcher(name).matches()
          ? definitions.apply(name) : Optional.empty();
      if (definition.isEmpty()) {
        problems.add(PropertyProblem.doesNotExist(name));
        return;
      }
      PropertyValue checked = key.property().equals(name) ? key(key, value)
          : PropertyValues.check(definition.get(), value, () -> current.apply(name));
      if (checked instanceof PropertyValue.Invalid invalid) {
        problems.add(key.property().equals(name) ? new PropertyProblem(name, key.problem(), invalid.reason())
            : PropertyProblem.refused(definition.get(), value, invalid.reason()));
      } else {
        values.put(name, checked instanceof PropertyValue.Set set ? Optional.of(set.value()) : Optional.empty());
      }
    });
    return new Checked(values, problems);
  }

  private static PropertyValue key(UniqueKey key, String raw) {
    if (raw.isEmpty()) {
      return new PropertyValue.Clear();
    }
    return key.normalize(raw).<PropertyValue>map(PropertyValue.Set::new)
        .orElse(new PropertyValue.Invalid(key.invalid(raw)));
  }
}
