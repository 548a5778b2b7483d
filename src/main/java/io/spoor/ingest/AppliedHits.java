package io.spoor.ingest;

import java.util.Collection;
import java.util.Set;

/**
 * What the store has applied, kept in the caller's transaction: how far each log was applied
 * in order, and the ids of hits that a position cannot cover (those a client named, which it
 * may send again, and those applied out of log order), so a hit delivered again counts once.
 */
public interface AppliedHits {
  /** Of these ids, those recorded before. */
  Set<String> recorded(Collection<String> hitIds);

  /** Records the ids as applied at {@code at}. */
  void record(Collection<String> hitIds, long at);

  /** Forgets ids applied before {@code cutoff}: replays older than that apply again. */
  void forgetBefore(long cutoff);

  /** The position recorded for {@code log}, 0 if none. */
  long position(String log);

  /** Records that {@code log} was applied in order through {@code position}. */
  void advance(String log, long position);
}
