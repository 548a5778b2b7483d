package io.spoor.ingest;

import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

/** The per-portal rejection list, bounded by trimming the oldest. Runs in the caller's transaction. */
public interface RejectionStore {
  void add(List<Rejection> rejections);

  /** Newest first; {@code before} pages back from a rejection id. */
  List<Rejection> list(long portalId, int limit, OptionalLong before);

  /** Deletes these rejections of the portal. */
  void delete(long portalId, Collection<Long> ids);

  /** Deletes all but the newest {@code keep} rejections of the portal. */
  void trim(long portalId, int keep);
}
