package io.spoor.report;

/** A report row's counts being summed, with a sketch of its visitors where it counts them. */
final class Tally {
  long sessions;
  long pageViews;
  long entrances;
  long exits;
  long bounces;
  long durationMs;
  long newContacts;
  long completions;
  long revenueMicros;
  Hll visitors;

  void add(Counts c) {
    sessions += c.sessions();
    pageViews += c.pageViews();
    entrances += c.entrances();
    exits += c.exits();
    bounces += c.bounces();
    durationMs += c.durationMs();
    newContacts += c.newContacts();
    completions += c.completions();
    revenueMicros += c.revenueMicros();
  }

  void addVisitor(long hash) {
    (visitors == null ? visitors = new Hll() : visitors).add(hash);
  }

  void addVisitors(byte[] stored) {
    if (stored != null) {
      (visitors == null ? visitors = new Hll() : visitors).mergeStored(stored);
    }
  }

  /** The sums; visitors estimated from the sketch when {@code countsVisitors}, else -1. */
  Counts counts(boolean countsVisitors) {
    long v = !countsVisitors ? -1 : visitors == null ? 0 : visitors.estimate();
    return new Counts(v, sessions, pageViews, entrances, exits, bounces, durationMs, newContacts, completions,
        revenueMicros);
  }
}
