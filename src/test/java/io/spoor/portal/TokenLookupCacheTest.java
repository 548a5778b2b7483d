package io.spoor.portal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.http.Scope;
import io.spoor.store.Database;
import io.spoor.testkit.ShiftedClock;
import io.spoor.testkit.TempStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Token lookups are cached for a few seconds: a revocation made elsewhere is seen after that. */
@ExtendWith(TempStore.class)
class TokenLookupCacheTest {
  @Test
  void aTokenRevokedByAnotherProcessIsRefusedOnceTheCacheTimeHasPassed(Database db) {
    ShiftedClock clock = ShiftedClock.atStartOfAMinute();
    Portals here = portals(db, clock);
    Portals elsewhere = portals(db, clock);
    here.create(3, "Three");
    NewToken token = here.issueToken(3, "api", Scope.all());
    assertTrue(here.authenticate(token.value()).isPresent());

    elsewhere.revoke(3, token.token().id());
    assertTrue(here.authenticate(token.value()).isPresent(), "still cached");
    clock.advance(Duration.ofMillis(Portals.CACHE_MILLIS + 1));

    assertTrue(here.authenticate(token.value()).isEmpty());
  }

  @Test
  void aRevocationMadeHereIsSeenAtOnce(Database db) {
    Portals portals = portals(db, ShiftedClock.atStartOfAMinute());
    portals.create(3, "Three");
    NewToken token = portals.issueToken(3, "api", Scope.all());
    assertTrue(portals.authenticate(token.value()).isPresent());

    portals.revoke(3, token.token().id());

    assertTrue(portals.authenticate(token.value()).isEmpty());
  }

  private static Portals portals(Database db, ShiftedClock clock) {
    return new Portals(db, new SqlPortalStore(db), new SqlTokenStore(db, clock), clock);
  }
}
