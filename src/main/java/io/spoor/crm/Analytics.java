package io.spoor.crm;

import java.time.Instant;
import java.util.Optional;

/**
 * A contact's analytics: what its hits add up to, shown as read-only {@code hs_analytics_*}
 * properties. The same value is what a batch of hits adds to a contact and what a merged contact
 * adds to the primary, always through {@link #plus}, HubSpot's rule: counts and revenue add up,
 * the first timestamp is the earlier and the last the later, the first visit (with its URL,
 * referrer and source) is the earliest, and the last URL is the one of the analytics seen last.
 * On a tie the first visit already known stays and the last URL added wins, as when the later
 * of two hits in the same millisecond is applied. The contact store's SQL applies exactly this
 * rule ({@code ContactStoreContract} holds every store to it).
 *
 * @param firstVisit the earliest visit known: where the contact first came from
 * @param lastUrl    the page of the latest visit; it moves only with {@code lastTimestamp}
 */
public record Analytics(long numEventCompletions, long revenueMicros, long numPageViews, long numVisits,
    Optional<Instant> firstTimestamp, Optional<Instant> lastTimestamp, Optional<FirstVisit> firstVisit,
    Optional<String> lastUrl) {

  /** A contact no hit has counted yet. */
  public static final Analytics NONE = new Analytics(0, 0, 0, 0, Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty());

  public Analytics {
    if (numEventCompletions < 0 || revenueMicros < 0 || numPageViews < 0 || numVisits < 0) {
      throw new IllegalArgumentException("analytics only grow: counts and revenue must be >= 0");
    }
    if (firstTimestamp.isPresent() != lastTimestamp.isPresent()) {
      throw new IllegalArgumentException("firstTimestamp and lastTimestamp must be both present or both absent");
    }
    if (firstTimestamp.isPresent() && firstTimestamp.get().isAfter(lastTimestamp.get())) {
      throw new IllegalArgumentException("firstTimestamp must not be after lastTimestamp");
    }
    if (lastUrl.isPresent() && lastTimestamp.isEmpty()) {
      throw new IllegalArgumentException("a lastUrl needs the lastTimestamp it was seen at");
    }
  }

  /** Where a contact's first visit came from; {@code data1} and {@code data2} may be null. */
  public record FirstVisit(long at, String url, String referrer, String source, String data1, String data2) {
  }

  /** What one event adds: a completion and its revenue, seen at {@code at} (epoch ms). */
  public static Analytics event(long at, long revenueMicros) {
    return new Analytics(1, revenueMicros, 0, 0, Optional.of(Instant.ofEpochMilli(at)),
        Optional.of(Instant.ofEpochMilli(at)), Optional.empty(), Optional.empty());
  }

  /** What page views and visits between {@code firstAt} and {@code lastAt} add, the last on {@code lastUrl}. */
  public static Analytics visits(long pageViews, long visits, long firstAt, long lastAt,
      Optional<FirstVisit> firstVisit, String lastUrl) {
    return new Analytics(0, 0, pageViews, visits, Optional.of(Instant.ofEpochMilli(firstAt)),
        Optional.of(Instant.ofEpochMilli(lastAt)), firstVisit, Optional.of(lastUrl));
  }

  /** These analytics with {@code added}'s added to them (see the class's rule). */
  public Analytics plus(Analytics added) {
    Optional<FirstVisit> first = added.firstVisit.isPresent()
        && (firstVisit.isEmpty() || added.firstVisit.get().at() < firstVisit.get().at()) ? added.firstVisit : firstVisit;
    Optional<String> last = added.lastUrl.isPresent()
        && (lastTimestamp.isEmpty() || !lastTimestamp.get().isAfter(added.lastTimestamp.get())) ? added.lastUrl : lastUrl;
    return new Analytics(numEventCompletions + added.numEventCompletions,
        Math.addExact(revenueMicros, added.revenueMicros), numPageViews + added.numPageViews,
        numVisits + added.numVisits, pick(firstTimestamp, added.firstTimestamp, true),
        pick(lastTimestamp, added.lastTimestamp, false), first, last);
  }

  public Optional<String> firstUrl() {
    return firstVisit.map(FirstVisit::url);
  }

  public Optional<String> firstReferrer() {
    return firstVisit.map(FirstVisit::referrer);
  }

  public Optional<String> source() {
    return firstVisit.map(FirstVisit::source);
  }

  public Optional<String> sourceData1() {
    return firstVisit.map(FirstVisit::data1);
  }

  public Optional<String> sourceData2() {
    return firstVisit.map(FirstVisit::data2);
  }

  private static Optional<Instant> pick(Optional<Instant> a, Optional<Instant> b, boolean earlier) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() ? b : a;
    }
    return a.get().isBefore(b.get()) == earlier ? a : b;
  }
}
