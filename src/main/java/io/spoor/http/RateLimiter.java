package io.spoor.http;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HubSpot's private-app limits, per token: at most {@code perSecond} calls in any rolling
 * second (the call that would be the {@code perSecond + 1}-th within 1000 ms is refused) and
 * {@code perDay} calls per UTC day. Exact at both boundaries; a refused call is not counted.
 * A limit of 0 means none. Constant time and one small lock per token.
 */
public final class RateLimiter {
  private final Clock clock;
  private final Map<Long, Window> windows = new ConcurrentHashMap<>();

  public RateLimiter(Clock clock) {
    this.clock = clock;
  }

  /** The decision for one call of a token, with what is left of each limit after it. */
  public record Decision(boolean allowed, Limit refusedBy, int perSecond, int secondRemaining, long perDay,
      long dayRemaining) {
  }

  /** Which limit refused a call. */
  public enum Limit { NONE, SECONDLY, DAILY }

  public Decision acquire(long tokenId, int perSecond, long perDay) {
    Window window = windows.computeIfAbsent(tokenId, id -> new Window());
    synchronized (window) {
      return window.acquire(clock.millis(), perSecond, perDay);
    }
  }

  /**
   * The times of one token's calls in the last second, oldest first (a ring of at most
   * {@code perSecond}), and its count for the day. Each call time is stored once and expired
   * once, so a call costs constant time whatever the limit.
   */
  private static final class Window {
    private long[] calls = new long[0];
    private int oldest;
    private int inLastSecond;
    private long day = -1;
    private long dayCount;

    Decision acquire(long now, int perSecond, long perDay) {
      if (calls.length != perSecond) {
        calls = new long[perSecond];
        oldest = 0;
        inLastSecond = 0;
      }
      while (inLastSecond > 0 && calls[oldest] <= now - 1000) {
        oldest = (oldest + 1) % calls.length;
        inLastSecond--;
      }
      long today = Math.floorDiv(now, 86_400_000L);
      if (today != day) {
        day = today;
        dayCount = 0;
      }
      int secondRemaining = perSecond - inLastSecond;
      if (perDay > 0 && dayCount >= perDay) {
        return new Decision(false, Limit.DAILY, perSecond, secondRemaining, perDay, 0);
      }
      if (perSecond > 0 && inLastSecond == perSecond) {
        return new Decision(false, Limit.SECONDLY, perSecond, 0, perDay, perDay - dayCount);
      }
      if (perSecond > 0) {
        calls[(oldest + inLastSecond) % perSecond] = now;
        inLastSecond++;
      }
      dayCount++;
      return new Decision(true, Limit.NONE, perSecond, perSecond - inLastSecond, perDay,
          perDay > 0 ? perDay - dayCount : Long.MAX_VALUE);
    }
  }
}
