package io.spoor.testkit;

import io.spoor.portal.Portal;
import io.spoor.portal.PortalStore;
import io.spoor.portal.Privacy;
import io.spoor.portal.RateLimits;
import io.spoor.store.Transactor;
import java.time.Instant;

/**
 * Makes the portals a contract's rows belong to, before its tests: a store that holds rows to
 * their portal (a foreign key) refuses rows of a portal it does not have.
 */
public final class StorePortals {
  private StorePortals() {
  }

  /** Creates a portal with each of these hub ids. */
  public static void create(Transactor tx, PortalStore portals, long... hubIds) {
    tx.inTransaction(() -> {
      for (long hubId : hubIds) {
        portals.create(new Portal(hubId, "Portal " + hubId, true, Instant.EPOCH, Privacy.DEFAULT,
            RateLimits.DEFAULT));
      }
    });
  }
}
