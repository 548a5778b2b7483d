package io.spoor.track;

import io.spoor.http.LogSafe;
import io.spoor.ingest.Batch;
import io.spoor.ingest.Hit;
import io.spoor.ingest.RejectReason;
import io.spoor.ops.Counter;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The most parameters (or properties) of one hit that are applied. Those beyond are refused
 * together, as one part of the hit's rejection naming the first few, and counted by hit kind,
 * so one request cannot ask for unbounded work or rejection text.
 */
public final class PerHitCap {
  private static final int NAMES_SHOWN = 5;

  private final int max;
  private final RejectReason reason;
  private final String what;
  private final Counter refused;

  /**
   * @param what    the plural noun of what is counted, for the rejection's detail
   * @param refused counts what the cap refused, labelled by hit kind
   */
  public PerHitCap(int max, RejectReason reason, String what, Counter refused) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1, was " + max);
    }
    this.max = max;
    this.reason = reason;
    this.what = what;
    this.refused = refused;
  }

  /** A cap whose refusals are counted nowhere but in the rejection list (for tests that build appliers alone). */
  public static PerHitCap uncounted(int max, RejectReason reason, String what) {
    return new PerHitCap(max, reason, what, new io.spoor.ops.Metrics().counter("uncounted", "", "kind"));
  }

  /** The first {@code max} items; the rest are refused with the reason and counted. */
  <T> List<T> keep(Hit hit, List<T> items, Function<T, String> name, Batch batch) {
    if (items.size() <= max) {
      return items;
    }
    List<T> beyond = items.subList(max, items.size());
    refused.add(beyond.size(), hit.kind());
    String names = beyond.stream().limit(NAMES_SHOWN).map(name).map(PerHitCap::shown)
        .collect(Collectors.joining(", "));
    batch.reject(hit, reason, false, beyond.size() + " " + what + " beyond the first " + max
        + " were not applied: " + names + (beyond.size() > NAMES_SHOWN ? ", …" : ""));
    return items.subList(0, max);
  }

  private static String shown(String name) {
    return LogSafe.text(name, 40);
  }
}
