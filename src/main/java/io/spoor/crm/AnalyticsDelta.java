package io.spoor.crm;

import java.util.Optional;

/**
 * What a batch of hits adds to one contact's analytics. Deltas of the same contact within a
 * batch are combined with {@link #plus} so the store is written once per contact per batch.
 *
 * @param firstVisit the earliest visit this delta knows of: it replaces the contact's first
 *                   URL, referrer and original source when it is earlier than theirs
 * @param lastPage   the latest page seen
 */
public record AnalyticsDelta(long eventCompletions, long revenueMicros, long pageViews, long visits,
    long firstAt, long lastAt, Optional<FirstVisit> firstVisit, Optional<LastPage> lastPage) {

  public AnalyticsDelta {
    if (eventCompletions < 0 || revenueMicros < 0 || pageViews < 0 || visits < 0) {
      throw new IllegalArgumentException("analytics only grow: counts and revenue must be >= 0");
    }
    if (firstAt > lastAt) {
      throw new IllegalArgumentException("firstAt must not be after lastAt");
    }
  }

  /** The first visit known of a contact: where it came from. */
  public record FirstVisit(long at, String url, String referrer, String source, String data1, String data2) {
  }

  /** A page seen at an instant. */
  public record LastPage(long at, String url) {
  }

  public static AnalyticsDelta event(long at, long revenueMicros) {
    return new AnalyticsDelta(1, revenueMicros, 0, 0, at, at, Optional.empty(), Optional.empty());
  }

  /** Page views and visits between {@code firstAt} and {@code lastAt}. */
  public static AnalyticsDelta visits(long pageViews, long visits, long firstAt, long lastAt,
      Optional<FirstVisit> firstVisit, LastPage lastPage) {
    return new AnalyticsDelta(0, 0, pageViews, visits, firstAt, lastAt, firstVisit, Optional.of(lastPage));
  }

  public AnalyticsDelta plus(AnalyticsDelta other) {
    Optional<FirstVisit> first = firstVisit.isEmpty() ? other.firstVisit : other.firstVisit.isEmpty()
        ? firstVisit : firstVisit.get().at() <= other.firstVisit.get().at() ? firstVisit : other.firstVisit;
    Optional<LastPage> last = lastPage.isEmpty() ? other.lastPage : other.lastPage.isEmpty()
        ? lastPage : lastPage.get().at() > other.lastPage.get().at() ? lastPage : other.lastPage;
    return new AnalyticsDelta(eventCompletions + other.eventCompletions,
        Math.addExact(revenueMicros, other.revenueMicros), pageViews + other.pageViews,
        visits + other.visits, Math.min(firstAt, other.firstAt), Math.max(lastAt, other.lastAt), first, last);
  }
}
