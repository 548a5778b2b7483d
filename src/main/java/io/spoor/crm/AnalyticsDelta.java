package io.spoor.crm;

/**
 * What a batch of hits adds to one contact's analytics. Deltas of the same contact within a
 * batch are combined with {@link #plus} so the store is written once per contact per batch.
 */
public record AnalyticsDelta(long eventCompletions, long revenueMicros, long firstAt, long lastAt) {
  public AnalyticsDelta {
    if (eventCompletions < 0 || revenueMicros < 0) {
      throw new IllegalArgumentException("analytics only grow: completions and revenue must be >= 0");
    }
    if (firstAt > lastAt) {
      throw new IllegalArgumentException("firstAt must not be after lastAt");
    }
  }

  public static AnalyticsDelta event(long at, long revenueMicros) {
    return new AnalyticsDelta(1, revenueMicros, at, at);
  }

  public AnalyticsDelta plus(AnalyticsDelta other) {
    return new AnalyticsDelta(eventCompletions + other.eventCompletions,
        Math.addExact(revenueMicros, other.revenueMicros),
        Math.min(firstAt, other.firstAt), Math.max(lastAt, other.lastAt));
  }
}
