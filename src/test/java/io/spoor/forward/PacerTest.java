package io.spoor.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pace of one target, the backoff of a failing call and what an answer means, without a network. */
class PacerTest {
  private static final long NOON = 1_700_000_000_000L - Math.floorMod(1_700_000_000_000L, Pacer.DAY_MS)
      + Pacer.DAY_MS / 2;

  @Test
  void noMoreThanSecondlyRequestsGoInAnyWindow() {
    Pacer pacer = new Pacer(2, 1_000, NOON / Pacer.DAY_MS, 0);
    pacer.sent(NOON);
    pacer.sent(NOON + 300);

    assertEquals(Pacer.WINDOW_MS, pacer.waitMillis(NOON));
    assertEquals(Pacer.WINDOW_MS - 500, pacer.waitMillis(NOON + 500));
    assertEquals(0, pacer.waitMillis(NOON + Pacer.WINDOW_MS));
  }

  @Test
  void theCallsAndPausesOtherProcessesKeptInTheStoreHoldHereToo() {
    long today = NOON / Pacer.DAY_MS;
    Pacer pacer = new Pacer(10, 5, today, 1);
    pacer.follow(today, 5, 0);
    long parkedBy = pacer.waitMillis(NOON);
    Pacer paused = new Pacer(10, 5, today, 0);
    paused.follow(today, 0, NOON + 7_000);
    Pacer fewerElsewhere = new Pacer(10, 5, today, 3);
    fewerElsewhere.follow(today, 1, 0);
    fewerElsewhere.sent(NOON);
    fewerElsewhere.sent(NOON + 1);

    assertEquals(Pacer.nextMidnight(NOON) - NOON, parkedBy, "the day's calls another process sent count here");
    assertEquals(7_000, paused.waitMillis(NOON));
    assertEquals(5, fewerElsewhere.dayCalls(), "the calls counted here were forgotten");
  }

  @Test
  void aRequestCountsFromItsAnswerSoASlowOneCannotCrowdTheRemotesSecond() {
    Pacer pacer = new Pacer(1, 1_000, NOON / Pacer.DAY_MS, 0);
    pacer.sent(NOON);
    pacer.answered(NOON + 400);

    assertEquals(Pacer.WINDOW_MS, pacer.waitMillis(NOON + 400));
    assertEquals(0, pacer.waitMillis(NOON + 400 + Pacer.WINDOW_MS));
  }

  @Test
  void theDailyLimitSpentParksUntilTheNextUtcMidnightAndANewDayStartsAfresh() {
    Pacer pacer = new Pacer(10, 2, NOON / Pacer.DAY_MS, 1);
    pacer.sent(NOON);

    assertEquals(Pacer.DAY_MS / 2, pacer.waitMillis(NOON + 5_000) + 5_000);
    assertEquals(NOON + Pacer.DAY_MS / 2, pacer.pausedUntil());
    assertEquals(0, pacer.waitMillis(NOON + Pacer.DAY_MS / 2));
    assertEquals(0, pacer.dayCalls());
  }

  @Test
  void callsMadeEarlierTheSameDayCountAfterARestart() {
    Pacer pacer = new Pacer(10, 3, NOON / Pacer.DAY_MS, 3);

    assertTrue(pacer.waitMillis(NOON) > 0);
  }

  @Test
  void backoffDoublesUpToItsCeilingWithJitterAndHonoursRetryAfter() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofHours(4), () -> 1.0);
    Backoff lowest = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofHours(4), () -> 0.0);

    assertEquals(1_000, backoff.delayMillis(1, 0));
    assertEquals(8_000, backoff.delayMillis(4, 0));
    assertEquals(30_000, backoff.delayMillis(20, 0));
    assertEquals(4_000, lowest.delayMillis(4, 0));
    assertEquals(60_000, backoff.delayMillis(1, 60_000));
    assertTrue(backoff.within(0, Duration.ofHours(4).toMillis()));
    assertFalse(backoff.within(0, Duration.ofHours(4).toMillis() + 1));
  }

  @Test
  void answersAreDeliveredRetriedHeldBackOrFailedAsHubSpotsClientsTreatThem() {
    assertEquals(Verdict.DELIVERED, Verdict.of(answer(204, "")));
    assertEquals(Verdict.RETRY, Verdict.of(answer(503, "")));
    assertEquals(Verdict.RETRY, Verdict.of(RemoteAnswer.none("timeout")));
    assertEquals(Verdict.RETRY, Verdict.of(answer(408, "")));
    assertEquals(Verdict.FAILED, Verdict.of(answer(501, "")));
    assertEquals(Verdict.FAILED, Verdict.of(answer(400, "{\"message\":\"Property values were not valid\"}")));
    assertEquals(Verdict.HELD_BACK, Verdict.of(answer(429, "{\"policyName\":\"TEN_SECONDLY_ROLLING\"}")));
    assertTrue(Verdict.daily(answer(429, "{\"policyName\":\"DAILY\"}")));
    assertFalse(Verdict.daily(answer(429, "{\"message\":\"You have reached your secondly limit.\"}")));
  }

  private static RemoteAnswer answer(int status, String body) {
    return new RemoteAnswer(status, Map.of(), body);
  }
}
