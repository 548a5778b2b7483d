package io.spoor.dashboard;

import java.util.List;

/** A person who signs in to the dashboard, and the portals (hub ids) they see, in order. */
public record User(long id, String email, Role role, List<Long> portals) {
  public User {
    portals = List.copyOf(portals);
  }
}
