package io.spoor.timeline;

import io.spoor.identity.Source;
import io.spoor.identity.TrafficSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A session: the page views one browser made under one session cookie, newest first, with the
 * session's traffic source as HubSpot classifies its first page and referrer (empty when the
 * referrer is the site itself: such a visit brings no new source).
 */
public record Visit(String utk, long start, List<Activity.PageVisit> pages, Optional<Source> source)
    implements TimelineItem {
  public Visit {
    if (pages.isEmpty()) {
      throw new IllegalArgumentException("a visit has at least one page view");
    }
    pages = List.copyOf(pages);
  }

  @Override
  public long at() {
    return pages.get(0).at();
  }

  /** The first page view of the visit among those read. */
  public Activity.PageVisit entry() {
    return pages.get(pages.size() - 1);
  }

  /** Activity newest first, its page views folded into visits placed where their newest page view is. */
  static List<TimelineItem> fold(List<Activity> newestFirst) {
    List<Object> order = new ArrayList<>();
    Map<String, List<Activity.PageVisit>> visits = new HashMap<>();
    for (Activity a : newestFirst) {
      if (a instanceof Activity.PageVisit p) {
        String key = p.utk() + "." + p.sessionStart();
        visits.computeIfAbsent(key, k -> {
          order.add(k);
          return new ArrayList<>();
        }).add(p);
      } else {
        order.add(a);
      }
    }
    List<TimelineItem> items = new ArrayList<>();
    for (Object o : order) {
      if (o instanceof String key) {
        List<Activity.PageVisit> pages = visits.get(key);
        Activity.PageVisit first = pages.get(pages.size() - 1);
        items.add(new Visit(first.utk(), first.sessionStart(), pages,
            TrafficSource.classify(first.url(), first.referrer(), List.of())));
      } else {
        items.add((TimelineItem) o);
      }
    }
    return items;
  }
}
