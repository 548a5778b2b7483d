package io.spoor.timeline;

/** What the dashboard's timeline shows: a visit with its page views, an event completion, an identify. */
public sealed interface TimelineItem permits Visit, Activity.EventDone, Activity.Identified {
  /** When it happened (a visit: its latest page view), epoch ms. */
  long at();
}
