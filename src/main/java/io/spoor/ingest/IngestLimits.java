package io.spoor.ingest;

import java.time.Duration;

/**
 * The bounds of the ingest log. {@code queueCapacity}: hits waiting to be written;
 * {@code maxBatch}: hits applied in one transaction; {@code maxBacklog}: hits taken and not
 * yet applied; {@code maxWait}: how long a hit may wait for room when the backlog is full
 * before it is refused (zero refuses at once). At most {@code queueCapacity} hits wait.
 */
public record IngestLimits(int queueCapacity, int maxBatch, long maxBacklog, Duration maxWait) {
  public IngestLimits {
    if (queueCapacity < 1 || maxBatch < 1 || maxBacklog < 1 || maxWait.isNegative()) {
      throw new IllegalArgumentException("capacity, batch size and backlog must be positive and the wait "
          + "not negative: " + queueCapacity + ", " + maxBatch + ", " + maxBacklog + ", " + maxWait);
    }
  }
}
