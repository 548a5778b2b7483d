package io.spoor.ingest;

import io.spoor.ingest.FileIngestLog.Sequenced;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The applier side of {@link FileIngestLog}: takes what the writer wrote, in log order, hands
 * it to the {@link Applier} in batches of at most {@code maxBatch} (the hits waiting together
 * go together), and records progress after each batch. While it is busy (its last batch held
 * at least a tenth of {@code maxBatch}) it starts a batch at most once per {@code interval},
 * unless a full batch is already waiting: hits acknowledged meanwhile gather into one larger
 * batch, which writes each store page it touches once for more hits. A light load is applied
 * at once. Runs until the writer is done and everything written was applied, or until the
 * applier gives up (shutting down) or fails; whatever it did not apply stays in the log for
 * the next start.
 */
final class ApplyLoop implements Runnable {
  // logs under FileIngestLog, the name operators know the log by
  private static final Logger LOG = LoggerFactory.getLogger(FileIngestLog.class);

  private static final long GATHER_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private final BlockingQueue<Sequenced> written;
  private final Applier applier;
  private final ApplyProgress progress;
  private final BooleanSupplier writerDone;
  private final int maxBatch;
  private final long intervalNanos;
  private long lastStart;
  private int lastSize;

  ApplyLoop(BlockingQueue<Sequenced> written, Applier applier, ApplyProgress progress,
      BooleanSupplier writerDone, int maxBatch, Duration interval) {
    this.written = written;
    this.applier = applier;
    this.progress = progress;
    this.writerDone = writerDone;
    this.maxBatch = maxBatch;
    this.intervalNanos = interval.toNanos();
  }

  /** The applier thread. */
  @Override
  public void run() {
    try {
      while (!(writerDone.getAsBoolean() && written.isEmpty())) {
        Sequenced first = written.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        gather();
        lastStart = System.nanoTime();
        List<Sequenced> batch = new ArrayList<>(maxBatch);
        batch.add(first);
        written.drainTo(batch, maxBatch - 1);
        lastSize = batch.size();
        if (!applier.deliver(batch, n -> take(written, n))) {
          LOG.warn("stopping with {} hits unapplied; they stay in the log for the next start",
              progress.unapplied());
          return;
        }
        progress.applied(batch);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.error("ingest applier interrupted; unapplied hits stay in the log for the next start");
    } catch (RuntimeException | Error e) {
      LOG.error("ingest applier failed; unapplied hits stay in the log for the next start", e);
    }
  }

  /**
   * While busy, waits until the interval since the last batch began is over, a full batch
   * (counting the hit already taken) is waiting, or the writer has stopped.
   */
  private void gather() throws InterruptedException {
    if (lastSize < Math.max(1, maxBatch / 10)) {
      return;
    }
    long deadline = lastStart + intervalNanos;
    for (long left; (left = deadline - System.nanoTime()) > 0
        && written.size() + 1 < maxBatch && !writerDone.getAsBoolean(); ) {
      TimeUnit.NANOSECONDS.sleep(Math.min(left, GATHER_CHECK_NANOS));
    }
  }

  /** Takes up to {@code max} items from the head of {@code from}, without waiting. */
  static <T> List<T> take(Queue<T> from, int max) {
    List<T> taken = new ArrayList<>(Math.min(max, 64));
    for (T next; taken.size() < max && (next = from.poll()) != null; ) {
      taken.add(next);
    }
    return taken;
  }
}
