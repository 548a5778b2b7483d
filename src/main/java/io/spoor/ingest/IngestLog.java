package io.spoor.ingest;

import java.util.concurrent.CompletableFuture;

/**
 * The durable log hits enter at the edge. {@link #append} completes only once the hit will
 * survive a crash of the process; it fails at once with {@link IngestOverloadedException}
 * when the log cannot take more, never blocking the caller. Hits are delivered to the sink
 * at least once, in batches, by one thread; the sink makes redelivery harmless.
 */
public interface IngestLog extends AutoCloseable {
  CompletableFuture<Void> append(Hit hit);

  /** Starts delivering to the sink. Called once. */
  void start(BatchSink sink);

  /** Hits accepted but not yet delivered. */
  int depth();

  /** The estimated memory, in bytes, of the hits accepted but not yet delivered. */
  default long depthBytes() {
    return 0;
  }

  /** The estimated memory, in bytes, of the hits waiting for room in the log. */
  default long waitingBytes() {
    return 0;
  }

  /**
   * Completes with what stopped the log (an {@link Error} such as running out of memory, or
   * an unexpected exception in one of its threads). A failed log refuses every hit until the
   * process restarts; a log that works, or was closed, never completes it.
   */
  default CompletableFuture<Throwable> failure() {
    return new CompletableFuture<>();
  }

  /** Completes once every hit acknowledged before this call has been applied. */
  CompletableFuture<Void> awaitApplied();

  /** Acknowledged hits that could not be applied at all (kept aside for an operator). */
  long deadLettered();

  /** Damage found in the log's own files when it started (none for a log without files). */
  default LogDamage damage() {
    return LogDamage.NONE;
  }

  /** Whether what the log is kept in answers now (always, for a log in local files). */
  default boolean reachable() {
    return true;
  }

  /** Records not yet applied by this process, by partition of the partitions it applies (none for a local log). */
  default java.util.Map<Integer, Long> lagByPartition() {
    return java.util.Map.of();
  }

  /** Stops accepting, delivers everything accepted, then returns. */
  @Override
  void close();
}
