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

  /** The recent call times of one token (a ring of the last {@code perSecond}) and its day count. */
  private static final class Window {
    private long[] calls = new long[0];
    private int next;
    private long day = -1;
    private long dayCount;

    Decision acquire(long now, int perSecond, long perDay) {
      if (calls.length != perSecond) {
        calls = new long[perSecond];
        java.util.Arrays.fill(calls, Long.MIN_VALUE);
        next = 0;
      }
      long today = Math.floorDiv(now, 86_400_000L);
      if (today != day) {
        day = today;
        dayCount = 0;
      }
      if (perDay > 0 && dayCount >= perDay) {
        return new Decision(false, Limit.DAILY, perSecond, remaining(now), perDay, 0);
      }
      if (perSecond > 0 && calls[next] > now - 1000) {
        return new Decision(false, Limit.SECONDLY, perSecond, 0, perDay, perDay - dayCount);
      }
      if (perSecond > 0) {
        calls[next] = now;
        next = (next + 1) % perSecond;
      }
      dayCount++;
      return new Decision(true, Limit.NONE, perSecond, remaining(now), perDay,
          perDay > 0 ? perDay - dayCount : Long.MAX_VALUE);
    }

    /** Calls still allowed within the current rolling second. */
    private int remaining(long now) {
      int used = 0;
      for (long at : calls) {
        if (at > now - 1000) {
          used++;
        }
      }
      return calls.length - used;
    }
  }
}
