package io.spoor.ingest;

import java.time.Duration;

/**
 * The bounds of the ingest log. {@code queueCapacity}: hits waiting to be written;
 * {@code maxBatch}: hits applied in one transaction; {@code maxBacklog}: hits taken and not
 * yet applied; {@code maxWait}: how long a hit may wait for room when the backlog is full
 * before it is refused (zero refuses at once). At most {@code queueCapacity} hits wait, and at
 * most a quarter of {@code maxBacklogBytes}.
 * {@code applyInterval}: while the applier is busy (its last batch filled at least a tenth of
 * {@code maxBatch}), it starts a batch at most this often, unless {@code maxBatch} hits are
 * already waiting; zero applies whatever is waiting at once. {@code maxBacklogBytes} and
 * {@code maxBatchBytes} bound the backlog and each batch (written or applied) in the
 * estimated memory of their hits ({@link HitSize}) as well as in hits.
 */
public record IngestLimits(int queueCapacity, int maxBatch, long maxBacklog, Duration maxWait,
    Duration applyInterval, long maxBacklogBytes, long maxBatchBytes) {
  /** The default bounds in bytes: what keeps the process well under 512 MB of memory. */
  public static final long DEFAULT_BACKLOG_BYTES = 64L << 20;
  public static final long DEFAULT_BATCH_BYTES = 16L << 20;

  public IngestLimits {
    if (queueCapacity < 1 || maxBatch < 1 || maxBacklog < 1 || maxWait.isNegative() || applyInterval.isNegative()
        || maxBacklogBytes < 1 || maxBatchBytes < 1) {
      throw new IllegalArgumentException("capacity, batch size and backlog must be positive and the waits "
          + "not negative: " + queueCapacity + ", " + maxBatch + ", " + maxBacklog + ", " + maxWait + ", "
          + applyInterval + ", " + maxBacklogBytes + ", " + maxBatchBytes);
    }
  }

  /** Limits with the default bounds in bytes. */
  public IngestLimits(int queueCapacity, int maxBatch, long maxBacklog, Duration maxWait, Duration applyInterval) {
    this(queueCapacity, maxBatch, maxBacklog, maxWait, applyInterval, DEFAULT_BACKLOG_BYTES, DEFAULT_BATCH_BYTES);
  }

  /** Limits under which the applier applies whatever is waiting at once. */
  public IngestLimits(int queueCapacity, int maxBatch, long maxBacklog, Duration maxWait) {
    this(queueCapacity, maxBatch, maxBacklog, maxWait, Duration.ZERO);
  }

  /** The most bytes of hits that wait for room (beyond the backlog) at once. */
  long maxWaitingBytes() {
    return Math.max(1, maxBacklogBytes / 4);
  }
}
