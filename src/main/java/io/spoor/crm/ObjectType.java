package io.spoor.crm;

import java.util.Arrays;
import java.util.Optional;

/** CRM object types, by the plural wire name used in API paths. */
public enum ObjectType {
  CONTACT("contacts"), COMPANY("companies");

  private final String plural;

  ObjectType(String plural) {
    this.plural = plural;
  }

  public String plural() {
    return plural;
  }

  public static Optional<ObjectType> fromPlural(String name) {
    return Arrays.stream(values()).filter(t -> t.plural.equals(name)).findFirst();
  }
}
