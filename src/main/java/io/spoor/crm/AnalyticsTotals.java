package io.spoor.crm;

import java.util.Optional;

/**
 * One contact's analytics columns of {@code crm_object}, as merging two contacts adds them up: counts
 * and revenue summed, the first timestamp the earlier and the last the later, the first visit
 * (with its URL, referrer and source) the earlier one, the last URL the one seen later.
 */
record AnalyticsTotals(long eventCompletions, long revenueMicros, long pageViews, long visits,
    Optional<Long> firstAt, Optional<Long> lastAt, Optional<FirstVisit> firstVisit, Optional<String> lastUrl) {

  /** A contact no hit has counted yet. */
  static final AnalyticsTotals NONE = new AnalyticsTotals(0, 0, 0, 0, Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty());

  /** Where a contact's first visit came from. */
  record FirstVisit(long at, String url, String referrer, String source, String data1, String data2) {
  }

  AnalyticsTotals plus(AnalyticsTotals other) {
    boolean otherSeenLater = other.lastAt.isPresent()
        && (lastAt.isEmpty() || other.lastAt.get() > lastAt.get());
    Optional<String> last = other.lastUrl.isPresent() && (otherSeenLater || lastUrl.isEmpty())
        ? other.lastUrl : lastUrl;
    Optional<FirstVisit> first = other.firstVisit.isPresent()
        && (firstVisit.isEmpty() || other.firstVisit.get().at() < firstVisit.get().at())
        ? other.firstVisit : firstVisit;
    return new AnalyticsTotals(eventCompletions + other.eventCompletions,
        Math.addExact(revenueMicros, other.revenueMicros), pageViews + other.pageViews, visits + other.visits,
        earlier(firstAt, other.firstAt), later(lastAt, other.lastAt), first, last);
  }

  private static Optional<Long> earlier(Optional<Long> a, Optional<Long> b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : Optional.of(Math.min(a.get(), b.get()));
  }

  private static Optional<Long> later(Optional<Long> a, Optional<Long> b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : Optional.of(Math.max(a.get(), b.get()));
  }
}
