package io.spoor.crm;

import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The values of one API write checked against the portal's property definitions, all of them:
 * HubSpot answers with every problem, not the first. Emails must be addresses and are
 * lowercased; {@code ""} clears a value.
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
  static Checked check(Map<String, String> raw, Function<String, Optional<PropertyDefinition>> definitions,
      Function<String, Optional<String>> current) {
    Map<String, Optional<String>> values = new LinkedHashMap<>();
    List<PropertyProblem> problems = new ArrayList<>();
    raw.forEach((name, value) -> {
      Optional<PropertyDefinition> definition = PropertyDefinition.NAME.matcher(name).matches()
          ? definitions.apply(name) : Optional.empty();
      if (definition.isEmpty()) {
        problems.add(PropertyProblem.doesNotExist(name));
        return;
      }
      PropertyValue checked = ContactProperties.EMAIL.equals(name) ? email(value)
          : PropertyValues.check(definition.get(), value, () -> current.apply(name));
      if (checked instanceof PropertyValue.Invalid invalid) {
        problems.add(ContactProperties.EMAIL.equals(name)
            ? new PropertyProblem(name, "INVALID_EMAIL", invalid.reason())
            : PropertyProblem.refused(definition.get(), value, invalid.reason()));
      } else {
        values.put(name, checked instanceof PropertyValue.Set set ? Optional.of(set.value()) : Optional.empty());
      }
    });
    return new Checked(values, problems);
  }

  private static PropertyValue email(String raw) {
    if (raw.isEmpty()) {
      return new PropertyValue.Clear();
    }
    return Emails.normalize(raw).<PropertyValue>map(PropertyValue.Set::new)
        .orElse(new PropertyValue.Invalid("Email address " + (raw.length() > 100 ? raw.substring(0, 100) + "…" : raw)
            + " is invalid"));
  }
}
