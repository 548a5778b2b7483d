package io.spoor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.spoor.ops.Metrics;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Failed bearer tokens are counted per address; past the limit the address gets 429 for the rest of the minute. */
class AuthThrottleTest {
  private static final class TestClock extends Clock {
    private long millis;

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }
  }

  @Test
  void anAddressPastTheLimitIsRefusedEvenWithAGoodTokenAndAnsweredInHubSpotsFormat() {
    Logger throttleLog = (Logger) LoggerFactory.getLogger(AuthThrottle.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    throttleLog.addAppender(logged);
    try (RunningSpoor spoor = RunningSpoor.start(Map.of("auth-failures-per-minute", "5"))) {
      SpoorClient guesser = spoor.client().withToken("pat-na1-00000000-0000-0000-0000-000000000000");
      for (int i = 0; i < 5; i++) {
        assertEquals(401, guesser.get("/crm/v3/objects/contacts").status());
      }
      SpoorClient.Answer refused = guesser.get("/crm/v3/objects/contacts");
      assertEquals(429, refused.status(), refused.body());
      JsonObject body = refused.json();
      assertEquals("RATE_LIMIT", body.getString("errorType"));
      assertEquals("error", body.getString("status"));
      long retryAfter = Long.parseLong(refused.header("Retry-After"));
      assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
      assertEquals(429, spoor.client().get("/crm/v3/objects/contacts").status(), "a good token from the same address");
      String metrics = spoor.client().get("/metrics").body();
      assertTrue(metrics.contains("spoor_auth_failures_total 5"), metrics);
      assertTrue(metrics.contains("spoor_auth_throttled_total 2"), metrics);
    } finally {
      throttleLog.detachAppender(logged);
    }
    List<ILoggingEvent> warnings = logged.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
    assertEquals(1, warnings.size(), "five failures within seconds make one line: " + warnings);
    assertTrue(warnings.get(0).getFormattedMessage().contains("did not authenticate"));
  }

  @Test
  void theRefusalEndsWithTheWindowAndTheLogSaysHowManyFailuresItLeftOut() {
    TestClock clock = new TestClock();
    AuthThrottle throttle = new AuthThrottle(3, clock, new Metrics());
    Logger throttleLog = (Logger) LoggerFactory.getLogger(AuthThrottle.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    throttleLog.addAppender(logged);
    try {
      for (int i = 0; i < 3; i++) {
        assertEquals(0, throttle.retryAfterSeconds("203.0.113.7"));
        throttle.failed("203.0.113.7");
      }
      clock.millis = 20_500;
      assertEquals(40, throttle.retryAfterSeconds("203.0.113.7"));
      assertEquals(0, throttle.retryAfterSeconds("198.51.100.1"), "another address is not held back");
      clock.millis = AuthThrottle.WINDOW_MILLIS;
      assertEquals(0, throttle.retryAfterSeconds("203.0.113.7"));
      throttle.failed("203.0.113.7");
    } finally {
      throttleLog.detachAppender(logged);
    }
    List<String> lines = logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(lines.get(1).contains("(2 more failures"), lines.toString());
  }

  @Test
  void aLimitOfZeroNeverRefuses() {
    AuthThrottle throttle = new AuthThrottle(0, new TestClock(), new Metrics());
    for (int i = 0; i < 1000; i++) {
      throttle.failed("203.0.113.7");
    }
    assertEquals(0, throttle.retryAfterSeconds("203.0.113.7"));
  }
}
