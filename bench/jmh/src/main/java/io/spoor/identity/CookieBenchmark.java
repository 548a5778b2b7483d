package io.spoor.identity;

import io.spoor.jmh.HubSpotInputs;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * HubSpot's tracking cookies as a page view carries them: {@code __hstc} (six fields, about 75
 * bytes), {@code __hssc} (three fields) and {@code hubspotutk} (32 hex digits).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CookieBenchmark {
  private final String[] hstc = new String[HubSpotInputs.COUNT];
  private final String[] hssc = new String[HubSpotInputs.COUNT];
  private final String[] utk = new String[HubSpotInputs.COUNT];
  private int next;

  @Setup
  public void makeInputs() {
    for (int v = 0; v < HubSpotInputs.COUNT; v++) {
      hstc[v] = HubSpotInputs.hstc(v + 1);
      hssc[v] = HubSpotInputs.hssc(v + 1);
      utk[v] = HubSpotInputs.utk(v + 1);
    }
  }

  /** {@code VisitorCookie.parse} of an {@code __hstc} value. */
  @Benchmark
  public Optional<VisitorCookie> hstc() {
    return VisitorCookie.parse(hstc[nextIndex()]);
  }

  /** {@code SessionCookie.parse} of an {@code __hssc} value. */
  @Benchmark
  public Optional<SessionCookie> hssc() {
    return SessionCookie.parse(hssc[nextIndex()]);
  }

  /**
   * All three cookies of a returning visitor read, the token checked, and the session rule
   * applied for a page view ten minutes after the last hit.
   */
  @Benchmark
  public TrackingCookies allThreeAndTheSessionRule() {
    int i = nextIndex();
    VisitorCookie visitor = VisitorCookie.parse(hstc[i]).orElseThrow();
    Optional<SessionCookie> session = SessionCookie.parse(hssc[i]);
    if (!VisitorCookie.isUtk(utk[i])) {
      throw new IllegalStateException("not a visitor token: " + utk[i]);
    }
    long lastHit = session.orElseThrow().sessionStartTs();
    return TrackingCookies.pageView(visitor, session, lastHit, lastHit + 600_000);
  }

  private int nextIndex() {
    next = (next + 1) & (HubSpotInputs.COUNT - 1);
    return next;
  }
}
