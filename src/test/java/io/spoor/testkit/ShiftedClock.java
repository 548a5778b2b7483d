package io.spoor.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock moved by an offset the test sets: time still passes, but a test can start at
 * a known second of the minute and jump ahead (to the next minute of a per-minute limit).
 */
public final class ShiftedClock extends Clock {
  private volatile Duration offset;

  private ShiftedClock(Duration offset) {
    this.offset = offset;
  }

  /** A clock that reads one second past the start of a minute now. */
  public static ShiftedClock atStartOfAMinute() {
    long now = System.currentTimeMillis();
    long nextMinute = (now / 60_000 + 1) * 60_000;
    return new ShiftedClock(Duration.ofMillis(nextMinute + 1_000 - now));
  }

  public void advance(Duration by) {
    offset = offset.plus(by);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }

  @Override
  public long millis() {
    return System.currentTimeMillis() + offset.toMillis();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a shifted clock is in UTC");
  }
}
