package io.spoor.report;

/** A report row's counts being summed, with a sketch of its visitors where it counts them. */
final class Tally {
  /** The sums {@link #write} puts in a row of longs. */
  static final int SUMS = 9;
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

  /** Writes the sums (not the visitors) into {@code to} from {@code at} on, as {@link #add(long[], int)} reads them. */
  void write(long[] to, int at) {
    to[at] = sessions;
    to[at + 1] = pageViews;
    to[at + 2] = entrances;
    to[at + 3] = exits;
    to[at + 4] = bounces;
    to[at + 5] = durationMs;
    to[at + 6] = newContacts;
    to[at + 7] = completions;
    to[at + 8] = revenueMicros;
  }

  /** Adds the sums {@link #write} wrote into {@code from} at {@code at}. */
  void add(long[] from, int at) {
    sessions += from[at];
    pageViews += from[at + 1];
    entrances += from[at + 2];
    exits += from[at + 3];
    bounces += from[at + 4];
    durationMs += from[at + 5];
    newContacts += from[at + 6];
    completions += from[at + 7];
    revenueMicros += from[at + 8];
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
