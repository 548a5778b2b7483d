package io.spoor.dashboard;

import java.util.Locale;
import java.util.Optional;

/** What a dashboard user may do: viewers see, admins also change. */
public enum Role {
  ADMIN, VIEWER;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> fromWireName(String name) {
    for (Role role : values()) {
      if (role.wireName().equals(name)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
