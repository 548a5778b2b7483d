package io.spoor.timeline;

import java.util.Map;
import java.util.OptionalLong;

/** One thing a contact did, at an instant (epoch ms). */
public sealed interface Activity {
  long at();

  /** Which kind of activity this is. */
  Kind kind();

  /** The kinds, by the names the dashboard filters on. */
  enum Kind {
    PAGE_VIEW, EVENT, IDENTIFY
  }

  /** A page view, in the session (visit) its browser's session cookie started at {@code sessionStart}. */
  record PageVisit(long id, String utk, long at, long sessionStart, String url, String title, String referrer,
      String contentType) implements Activity {
    @Override
    public Kind kind() {
      return Kind.PAGE_VIEW;
    }
  }

  /** An event completion, with the name of its definition, its revenue value and its properties. */
  record EventDone(long id, long definitionId, String name, long at, OptionalLong valueMicros, String source,
      Map<String, String> properties) implements Activity, TimelineItem {
    public EventDone {
      properties = Map.copyOf(properties);
    }

    @Override
    public Kind kind() {
      return Kind.EVENT;
    }
  }

  /**
   * An identify: the contact property values one hit set (the tracking code's {@code identify},
   * an Events HTTP API call or a Segment identify), as the property history recorded them.
   */
  record Identified(long at, String via, Map<String, String> values) implements Activity, TimelineItem {
    public Identified {
      values = Map.copyOf(values);
    }

    @Override
    public Kind kind() {
      return Kind.IDENTIFY;
    }
  }
}
