package io.spoor.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A {@code PATCH /api/v1/portal} applies whole or not at all. */
@ExtendWith(TempStore.class)
class PortalPatchTest {
  private static final JsonObject PATCH = new JsonObject().put("customEventsEnabled", false)
      .put("rateLimitDaily", 5).put("filterBots", false).put("domains", new JsonArray().add("example.com"));

  @Test
  void aPatchThatFailsPartWayLeavesThePortalAsItWas(Database db) {
    Portals portals = new Portals(db, new PrivacyWriteFails(new SqlPortalStore(db)), new SqlTokenStore(db,
        Clock.systemUTC()), Clock.systemUTC());
    Portal before = portals.create(7, "Seven");

    assertThrows(IllegalStateException.class, () -> PortalRoutes.apply(portals, 7, PATCH));

    assertEquals(before, portals.get(7));
  }

  @Test
  void aPatchChangesEveryFieldItNames(Database db) {
    Portals portals = new Portals(db, new SqlPortalStore(db), new SqlTokenStore(db, Clock.systemUTC()),
        Clock.systemUTC());
    portals.create(7, "Seven");

    Portal after = PortalRoutes.apply(portals, 7, PATCH);

    assertEquals(after, portals.get(7));
    assertEquals(false, after.customEventsEnabled());
    assertEquals(5, after.limits().perDay());
    assertEquals(false, after.privacy().filterBots());
    assertEquals(List.of("example.com"), after.privacy().domains());
  }

  /** A store that fails to write a change of privacy settings, after writing it. */
  private record PrivacyWriteFails(PortalStore store) implements PortalStore {
    @Override
    public Optional<Portal> find(long hubId) {
      return store.find(hubId);
    }

    @Override
    public List<Portal> list() {
      return store.list();
    }

    @Override
    public boolean create(Portal portal) {
      return store.create(portal);
    }

    @Override
    public boolean update(Portal portal) {
      boolean privacyChanged = !store.find(portal.hubId()).orElseThrow().privacy().equals(portal.privacy());
      boolean updated = store.update(portal);
      if (privacyChanged) {
        throw new IllegalStateException("disk full");
      }
      return updated;
    }
  }
}
