package io.spoor.ingest;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Hits taken and not yet applied (or refused), counted in hits and in estimated bytes
 * ({@link HitSize}): queued, being written, written and waiting for the applier, or being
 * replayed. Both are bounded; a hit is taken only if it fits in both, except that an empty
 * backlog always takes one hit, however large, so no hit waits for room that can never come.
 * Thread-safe.
 */
final class Backlog {
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final long maxHits;
  private final long maxBytes;

  Backlog(long maxHits, long maxBytes) {
    this.maxHits = maxHits;
    this.maxBytes = maxBytes;
  }

  /** Counts a hit of {@code size} bytes if it fits; false (nothing counted) if not. */
  boolean tryTake(long size) {
    long bytesBefore = bytes.getAndAdd(size);
    long hitsAfter = hits.incrementAndGet();
    if (hitsAfter > maxHits || (bytesBefore > 0 && bytesBefore + size > maxBytes)) {
      release(1, size);
      return false;
    }
    return true;
  }

  /** Counts hits that must be taken whatever the bounds (those replayed on start). */
  void add(long count, long size) {
    hits.addAndGet(count);
    bytes.addAndGet(size);
  }

  /** Takes hits applied or refused off the backlog. */
  void release(long count, long size) {
    hits.addAndGet(-count);
    bytes.addAndGet(-size);
  }

  long hits() {
    return hits.get();
  }

  long bytes() {
    return bytes.get();
  }
}
