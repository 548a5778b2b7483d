package io.spoor.ingest;

import java.util.Collection;
import java.util.Set;

/** The ledger of applied hit ids that makes a replayed hit a no-op. Runs in the caller's transaction. */
public interface AppliedHits {
  /** Records the ids and returns those that were not recorded before (in their given order). */
  Set<String> recordNew(Collection<String> hitIds, long at);

  /** Forgets ids applied before {@code cutoff}: replays older than that apply again. */
  void forgetBefore(long cutoff);
}
