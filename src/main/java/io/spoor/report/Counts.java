package io.spoor.report;

import io.vertx.core.json.JsonObject;

/** Summed counts of a report row; {@code visitors} is -1 where the row does not count them. */
record Counts(long visitors, long sessions, long pageViews, long entrances, long exits, long bounces,
    long durationMs, long newContacts, long completions, long revenueMicros) {
  static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  Counts plus(Counts o) {
    return new Counts(visitors < 0 || o.visitors < 0 ? -1 : visitors + o.visitors, sessions + o.sessions,
        pageViews + o.pageViews, entrances + o.entrances, exits + o.exits, bounces + o.bounces,
        durationMs + o.durationMs, newContacts + o.newContacts, completions + o.completions,
        revenueMicros + o.revenueMicros);
  }

  Counts withVisitors(long v) {
    return new Counts(v, sessions, pageViews, entrances, exits, bounces, durationMs, newContacts, completions,
        revenueMicros);
  }

  static Double ratio(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  double revenue() {
    return revenueMicros / 1_000_000.0;
  }

  /** The overview's figures. */
  JsonObject overview() {
    return new JsonObject().put("visitors", visitors).put("sessions", sessions).put("pageViews", pageViews)
        .put("pagesPerSession", ratio(pageViews, sessions)).put("bounceRate", ratio(bounces, sessions))
        .put("averageSessionDurationMs", sessions == 0 ? null : durationMs / sessions)
        .put("newContacts", newContacts).put("completions", completions).put("revenue", revenue());
  }
}
