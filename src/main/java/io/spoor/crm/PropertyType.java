package io.spoor.crm;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** HubSpot's property value types, by wire name. */
public enum PropertyType {
  STRING, NUMBER, DATE, DATETIME, ENUMERATION, BOOL;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<PropertyType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
  }
}
