package io.spoor.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.StoreContract;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link PortalStore} does; an implementation's test only makes the store. */
abstract class PortalStoreContract extends StoreContract<PortalStore> {
  private static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");

  static Portal portal(long hubId, String name) {
    return new Portal(hubId, name, true, CREATED, Privacy.DEFAULT, RateLimits.DEFAULT);
  }

  @Test
  void aCreatedPortalIsFoundWithEverySetting() {
    Portal shop = new Portal(7, "Shop", false, CREATED,
        new Privacy(true, true, "We use cookies", true, false, List.of("shop.example", "example.org")),
        new RateLimits(3, 500));

    assertTrue((boolean) in(s -> s.create(shop)));

    assertEquals(Optional.of(shop), read(s -> s.find(7)));
    assertEquals(Optional.empty(), read(s -> s.find(8)));
  }

  @Test
  void aHubIdIsTakenOnce() {
    assertTrue((boolean) in(s -> s.create(portal(7, "Shop"))));

    assertFalse((boolean) in(s -> s.create(portal(7, "Other"))));

    assertEquals("Shop", read(s -> s.find(7)).orElseThrow().name());
  }

  @Test
  void anUpdateReplacesTheSettingsOfAnExistingPortalOnly() {
    run(s -> s.create(portal(7, "Shop")));
    Portal renamed = portal(7, "Renamed").withCustomEventsEnabled(false)
        .withPrivacy(new Privacy(true, false, "", false, true, List.of("shop.example")))
        .withLimits(new RateLimits(1, 2));

    assertTrue((boolean) in(s -> s.update(renamed)));
    assertFalse((boolean) in(s -> s.update(portal(8, "Nobody"))));

    assertEquals(List.of(renamed), read(PortalStore::list));
  }

  @Test
  void portalsAreListedInHubIdOrder() {
    run(s -> s.create(portal(9, "Nine")));
    run(s -> s.create(portal(2, "Two")));
    run(s -> s.create(portal(5, "Five")));

    assertEquals(List.of(2L, 5L, 9L), read(s -> s.list().stream().map(Portal::hubId).toList()));
  }
}
