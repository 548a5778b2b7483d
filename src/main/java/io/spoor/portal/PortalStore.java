package io.spoor.portal;

import java.util.List;
import java.util.Optional;

/** Portals. Calls run inside the caller's transaction (see {@code Transactor}). */
public interface PortalStore {
  Optional<Portal> find(long hubId);

  List<Portal> list();

  /** Inserts a new portal; false when the hub id is taken. */
  boolean create(Portal portal);

  /** Replaces the settings of an existing portal; false when there is none. */
  boolean update(Portal portal);
}
