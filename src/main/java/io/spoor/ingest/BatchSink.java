package io.spoor.ingest;

import java.util.List;

/** Where the ingest log delivers hits: applies a batch in one transaction or throws. */
public interface BatchSink {
  /**
   * Applies the hits and commits durably before returning. Must be idempotent per hit id: the
   * log may deliver a hit again after a crash. Throws when nothing of the batch was committed.
   */
  void apply(List<Hit> hits);
}
