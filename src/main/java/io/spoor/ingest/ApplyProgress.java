package io.spoor.ingest;

import io.spoor.ingest.FileIngestLog.Sequenced;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far {@link FileIngestLog} has applied: the last applied sequence number, saved in the
 * {@link AppliedMark} after each batch, with the segments it covers deleted, and the callers
 * of {@code awaitApplied} released once applying gets to their hit. Saving progress may
 * fail; that only makes the next start replay more.
 */
final class ApplyProgress {
  // logs under FileIngestLog, the name operators know the log by
  private static final Logger LOG = LoggerFactory.getLogger(FileIngestLog.class);

  private final AppliedMark mark;
  private final LogSegments segments;
  private final Backlog backlog;
  private final Runnable roomMade;
  private final Queue<Waiter> waiters = new ConcurrentLinkedQueue<>();
  private volatile long appliedSeq;
  /** The last sequence number saved in the mark: segments up to it may be deleted. */
  private volatile long markedSeq;

  /**
   * Applied hits are taken off {@code backlog}, the count of hits taken and not applied;
   * {@code roomMade} runs after, so hits waiting for room can come in.
   */
  ApplyProgress(AppliedMark mark, LogSegments segments, Backlog backlog, Runnable roomMade) {
    this.mark = mark;
    this.segments = segments;
    this.backlog = backlog;
    this.roomMade = roomMade;
  }

  /**
   * Where applying resumes after a stop: past the saved mark or {@code storedThrough} (the
   * position the sink committed with its last in-order batch), whichever is further. The mark
   * is saved after the commit, so a crash can leave it behind, never ahead; it also moves past
   * hits put aside, which the sink never saw. A mark that fails its check is logged, replaced
   * and left out; returns false then.
   */
  boolean resume(long storedThrough) {
    OptionalLong saved = mark.read();
    appliedSeq = Math.max(saved.orElse(0), storedThrough);
    if (saved.isPresent()) {
      markedSeq = saved.getAsLong();
      return true;
    }
    LOG.error("the applied mark {} is damaged; resuming after {}, the position the store committed", mark.file(),
        storedThrough);
    try {
      mark.write(appliedSeq);
      markedSeq = appliedSeq;
    } catch (UncheckedIOException e) {
      LOG.warn("cannot replace the damaged applied mark {}", mark.file(), e);
    }
    return false;
  }

  long appliedSeq() {
    return appliedSeq;
  }

  /**
   * Counts the records about to be replayed as hits taken and not applied; their bytes count
   * once they are decoded ({@link #decoded}): the replay holds only those.
   */
  void replaying(long records) {
    backlog.add(records, 0);
  }

  /** Counts the bytes of replayed hits now decoded and held until applied. */
  void decoded(List<Sequenced> hits) {
    backlog.add(0, Sized.total(hits));
  }

  /**
   * A replayed record that cannot be decoded was put aside, every record before it applied:
   * it no longer counts, and the mark moves past it.
   */
  void putAside(long seq) {
    backlog.release(1, 0);
    appliedSeq = seq;
    markApplied(seq);
  }

  /** Hits taken and not yet applied (or refused). */
  long unapplied() {
    return backlog.hits();
  }

  /** Records progress after the sink took a batch (in log order). */
  void applied(List<Sequenced> batch) {
    long lastSeq = batch.get(batch.size() - 1).seq();
    backlog.release(batch.size(), Sized.total(batch));
    roomMade.run();
    markApplied(lastSeq); // first, so a caller released below finds applied segments gone
    appliedSeq = lastSeq;
    releaseWaiters();
  }

  /**
   * Deletes the segments whose records are all applied, the one being appended to as well
   * once it is older than the log's segment age (the next hit starts a new one).
   */
  void expire() {
    try {
      segments.deleteThrough(markedSeq);
    } catch (RuntimeException e) { // the periodic check must keep running
      LOG.warn("cannot delete applied ingest log segments", e);
    }
  }

  /** Completes once every hit up to {@code seq} has been applied. */
  CompletableFuture<Void> await(long seq) {
    Waiter waiter = new Waiter(seq, new CompletableFuture<>());
    waiters.add(waiter);
    releaseWaiters();
    return waiter.done;
  }

  /** Completes the waiters already applied and fails the rest: nothing more will be applied. */
  void failWaiters() {
    releaseWaiters();
    for (Waiter w; (w = waiters.poll()) != null; ) {
      w.done.completeExceptionally(
          new IngestOverloadedException("closed before every acknowledged hit was applied"));
    }
  }

  /** Saves how far the applier got, drops applied segments; failing only makes a replay longer. */
  private void markApplied(long seq) {
    try {
      mark.write(seq);
      markedSeq = seq;
      segments.deleteThrough(seq);
    } catch (UncheckedIOException e) {
      LOG.warn("cannot record ingest progress at {}; the next start replays more", seq, e);
    }
  }

  private void releaseWaiters() {
    waiters.removeIf(w -> w.seq <= appliedSeq && w.done.complete(null));
  }

  private record Waiter(long seq, CompletableFuture<Void> done) {
  }
}
