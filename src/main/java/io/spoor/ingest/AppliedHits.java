package io.spoor.ingest;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What the store has applied, kept in the caller's transaction: how far each log was applied
 * in order, and the ids of hits that a position cannot cover (those a client named, which it
 * may send again, and those applied out of log order), so a hit delivered again counts once.
 * A client-named id is kept with the fingerprint of the hit it came with (see
 * {@link HitFingerprints}), so the id coming again with another hit is told apart from a retry.
 */
public interface AppliedHits {
  /**
   * Of these ids, those recorded before, each with the fingerprint recorded with it (empty for an
   * id made at the edge, or recorded before fingerprints were kept).
   */
  Map<String, Optional<String>> recorded(Collection<String> hitIds);

  /** Records the ids as applied at {@code at}, with their fingerprints where {@code fingerprints} has one. */
  void record(Collection<String> hitIds, Map<String, String> fingerprints, long at);

  /** Forgets ids applied before {@code cutoff}: replays older than that apply again. */
  void forgetBefore(long cutoff);

  /** The position recorded for {@code log}, 0 if none. */
  long position(String log);

  /** Records that {@code log} was applied in order through {@code position}. */
  void advance(String log, long position);

  /** What {@link #nextOffset} answers for a partition with no stored offset. */
  long NO_OFFSET = -1;

  /** The stored offset of the next record of {@code topic}'s {@code partition} to apply, or {@link #NO_OFFSET}. */
  long nextOffset(String topic, int partition);

  /**
   * Stores {@code next} for the partition if its stored offset is still {@code from}
   * ({@link #NO_OFFSET}: none stored yet). False, storing nothing, when another consumer moved
   * it meanwhile: the caller lost the partition and must not commit what it applied.
   */
  boolean moveOffset(String topic, int partition, long from, long next);
}
