package io.spoor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** HubSpot's limits per token, exact at the boundaries, on a clock the test moves. */
class RateLimiterTest {
  private static final long MIDNIGHT = 1_783_900_800_000L;

  /** A clock that stands still until told. */
  private static final class TestClock extends Clock {
    long now = MIDNIGHT + 5_000;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(now);
    }
  }

  private final TestClock clock = new TestClock();
  private final RateLimiter limiter = new RateLimiter(clock);

  @Test
  void theEleventhCallWithinASecondIsRefusedAndTheNextSecondIsFree() {
    for (int i = 0; i < 10; i++) {
      assertTrue(limiter.acquire(1, 10, 40_000).allowed(), "call " + (i + 1));
      clock.now += 10;
    }
    RateLimiter.Decision eleventh = limiter.acquire(1, 10, 40_000);
    assertFalse(eleventh.allowed());
    assertEquals(RateLimiter.Limit.SECONDLY, eleventh.refusedBy());
    assertEquals(0, eleventh.secondRemaining());
    clock.now = MIDNIGHT + 5_000 + 999;
    assertFalse(limiter.acquire(1, 10, 40_000).allowed(), "the first call is 999 ms old");
    clock.now = MIDNIGHT + 5_000 + 1_000;
    assertTrue(limiter.acquire(1, 10, 40_000).allowed(), "the first call is a second old");
  }

  @Test
  void theCallOverTheDailyLimitIsRefusedUntilTheNextUtcDay() {
    for (int i = 0; i < 3; i++) {
      assertEquals(2 - i, limiter.acquire(7, 0, 3).dayRemaining());
      clock.now += 5_000;
    }
    RateLimiter.Decision fourth = limiter.acquire(7, 0, 3);
    assertFalse(fourth.allowed());
    assertEquals(RateLimiter.Limit.DAILY, fourth.refusedBy());
    clock.now = MIDNIGHT + 86_400_000;
    assertTrue(limiter.acquire(7, 0, 3).allowed());
  }

  @Test
  void refusedCallsAreNotCountedAndTokensAreSeparate() {
    assertTrue(limiter.acquire(1, 1, 2).allowed());
    assertFalse(limiter.acquire(1, 1, 2).allowed());
    assertTrue(limiter.acquire(2, 1, 2).allowed(), "another token has its own window");
    clock.now += 1_000;
    assertTrue(limiter.acquire(1, 1, 2).allowed(), "the refused call did not use the day's second call");
  }

  @Test
  void whatRemainsOfTheSecondCountsOnlyTheCallsOfTheLastThousandMillisecondsAcrossManyRounds() {
    for (int round = 0; round < 5; round++) {
      assertEquals(2, limiter.acquire(4, 3, 0).secondRemaining(), "round " + round);
      clock.now += 400;
      assertEquals(1, limiter.acquire(4, 3, 0).secondRemaining());
      clock.now += 400;
      assertEquals(0, limiter.acquire(4, 3, 0).secondRemaining());
      clock.now += 200;
      // the round's first call is now exactly a second old: it no longer counts
      RateLimiter.Decision next = limiter.acquire(4, 3, 0);
      assertTrue(next.allowed());
      assertEquals(0, next.secondRemaining());
      assertFalse(limiter.acquire(4, 3, 0).allowed());
      clock.now += 1000;
    }
  }

  @Test
  void zeroMeansNoLimit() {
    for (int i = 0; i < 1_000; i++) {
      assertTrue(limiter.acquire(3, 0, 0).allowed());
    }
  }
}
