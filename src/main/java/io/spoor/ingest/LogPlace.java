package io.spoor.ingest;

/**
 * Where a delivered batch stands in its log, which tells the sink how to keep applying it
 * idempotent without remembering every hit.
 */
public sealed interface LogPlace {
  /**
   * A batch in log order: once it commits, every record of the log up to {@code through} has
   * been applied or put aside, and the sink stores {@code through} in the same transaction.
   * {@code replayed}: the batch comes from replaying the log after a stop, so some of its
   * hits may have been applied before, one by one.
   */
  record InOrder(String log, long through, boolean replayed) implements LogPlace {
  }

  /** A hit applied out of log order (alone, after its batch failed): the sink remembers its id. */
  record Alone() implements LogPlace {
  }

  /**
   * A batch of one partition of a Kafka topic, in offset order: the sink stores {@code next} as
   * the partition's offset in the same transaction, provided the stored one is still
   * {@code from} ({@link AppliedHits#NO_OFFSET}: none yet); otherwise it commits nothing and
   * throws {@link LogFencedException}. The offsets make a redelivered record count once, so hit
   * ids made at the edge need no check.
   */
  record Consumed(String topic, int partition, long from, long next) implements LogPlace {
  }
}
