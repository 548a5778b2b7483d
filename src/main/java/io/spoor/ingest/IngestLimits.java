package io.spoor.ingest;

import java.time.Duration;

/**
 * The bounds of the ingest log. {@code queueCapacity}: hits waiting to be written;
 * {@code maxBatch}: hits applied in one transaction; {@code maxBacklog}: hits taken and not
 * yet applied; {@code maxWait}: how long a hit may wait for room when the backlog is full
 * before it is refused (zero refuses at once). At most {@code queueCapacity} hits wait.
 * {@code applyInterval}: while the applier is busy (its last batch filled at least a tenth of
 * {@code maxBatch}), it starts a batch at most this often, unless {@code maxBatch} hits are
 * already waiting; zero applies whatever is waiting at once.
 */
public record IngestLimits(int queueCapacity, int maxBatch, long maxBacklog, Duration maxWait,
    Duration applyInterval) {
  public IngestLimits {
    if (queueCapacity < 1 || maxBatch < 1 || maxBacklog < 1 || maxWait.isNegative() || applyInterval.isNegative()) {
      throw new IllegalArgumentException("capacity, batch size and backlog must be positive and the waits "
          + "not negative: " + queueCapacity + ", " + maxBatch + ", " + maxBacklog + ", " + maxWait + ", "
          + applyInterval);
    }
  }

  /** Limits under which the applier applies whatever is waiting at once. */
  public IngestLimits(int queueCapacity, int maxBatch, long maxBacklog, Duration maxWait) {
    this(queueCapacity, maxBatch, maxBacklog, maxWait, Duration.ZERO);
  }
}
