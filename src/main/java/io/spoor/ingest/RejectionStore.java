package io.spoor.ingest;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The per-portal rejection list, bounded by trimming the oldest. Runs in the caller's transaction. */
public interface RejectionStore {
  void add(List<Rejection> rejections);

  /** Newest first; {@code before} pages back from a rejection id. */
  default List<Rejection> list(long portalId, int limit, OptionalLong before) {
    return list(portalId, limit, before, Optional.empty());
  }

  /** Newest first, only those whose (first) reason is {@code reason} when it is given. */
  List<Rejection> list(long portalId, int limit, OptionalLong before, Optional<RejectReason> reason);

  /** How many rejections the portal has. */
  int count(long portalId);

  /** Deletes these rejections of the portal. */
  void delete(long portalId, Collection<Long> ids);

  /** Deletes all but the newest {@code keep} rejections of the portal (all of them for 0); returns how many. */
  int trim(long portalId, int keep);
}
