package io.spoor.crm;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A property of an object type. Built-in ones are {@code hubspotDefined}; {@code readOnly}
 * ones (object id, create date, analytics) are computed by Spoor and refused on write.
 */
public record PropertyDefinition(String name, String label, PropertyType type, String fieldType,
    String groupName, String description, List<Option> options, boolean hasUniqueValue,
    boolean hidden, boolean hubspotDefined, boolean readOnly) {

  /** Property names are lowercase letters, digits and underscores. */
  public static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,100}");

  public PropertyDefinition {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("property name must match [a-z0-9_]{1,100}, was " + name);
    }
    options = List.copyOf(options);
  }

  /** An enumeration option. */
  public record Option(String label, String value, int displayOrder, boolean hidden) {
  }

  public boolean allowsOption(String value) {
    return options.stream().anyMatch(o -> o.value().equals(value));
  }
}
