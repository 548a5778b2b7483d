package io.spoor.ingest;

import io.spoor.SpoorException;

/**
 * A batch of a Kafka partition was not committed: the partition's stored offset is no longer
 * the one the batch started from, because another processor took the partition and applied
 * from there. Nothing of the batch was applied; the processor must seek to the stored offset
 * (if it still owns the partition) instead of retrying.
 */
public final class LogFencedException extends SpoorException {
  public LogFencedException(String topic, int partition, long from) {
    super("partition " + partition + " of " + topic + " moved on from offset " + from + " under another processor");
  }
}
