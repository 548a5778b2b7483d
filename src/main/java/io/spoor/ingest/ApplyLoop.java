package io.spoor.ingest;

import io.spoor.ingest.FileIngestLog.Sequenced;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The applier side of {@link FileIngestLog}: takes what the writer wrote, in log order, hands
 * it to the {@link Applier} in batches of at most {@code maxBatch} (the hits waiting together
 * go together), and records progress after each batch. While it is busy (its last batch held
 * at least a tenth of {@code maxBatch}) it starts a batch at most once per {@code interval},
 * unless a full batch is already waiting: hits acknowledged meanwhile gather into one larger
 * batch, which writes each store page it touches once for more hits. A light load is applied
 * at once. A batch also holds at most {@code maxBatchBytes} of hits ({@link HitSize}; a
 * single larger hit goes alone). Runs until the writer is done and everything written was applied, or until the applier
 * gives up (shutting down) or fails; whatever it did not apply stays in the log for the next
 * start. A failure (an {@link Error} such as running out of memory, or an unexpected
 * exception) is reported as fatal.
 */
final class ApplyLoop implements Runnable {
  // logs under FileIngestLog, the name operators know the log by
  private static final Logger LOG = LoggerFactory.getLogger(FileIngestLog.class);

  private final BlockingQueue<Sequenced> written;
  private final Applier applier;
  private final ApplyProgress progress;
  private final BooleanSupplier writerDone;
  private final int maxBatch;
  private final long maxBatchBytes;
  private final long intervalNanos;
  private final Consumer<Throwable> fatal;
  private final Ticker ticker;
  private long lastStart;
  private int lastSize;

  /** {@code fatal} is told of what stopped the thread unexpectedly; the interval goes by {@code ticker}. */
  ApplyLoop(BlockingQueue<Sequenced> written, Applier applier, ApplyProgress progress,
      BooleanSupplier writerDone, int maxBatch, long maxBatchBytes, Duration interval, Consumer<Throwable> fatal,
      Ticker ticker) {
    this.written = written;
    this.applier = applier;
    this.progress = progress;
    this.writerDone = writerDone;
    this.maxBatch = maxBatch;
    this.maxBatchBytes = maxBatchBytes;
    this.intervalNanos = interval.toNanos();
    this.fatal = fatal;
    this.ticker = ticker;
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
        lastStart = ticker.nanoTime();
        List<Sequenced> batch = new ArrayList<>(Math.min(maxBatch, 1024));
        batch.add(first);
        Sized.drain(written, batch, maxBatch, maxBatchBytes);
        lastSize = batch.size();
        if (!applier.deliver(batch, n -> Sized.take(written, n, maxBatchBytes - Sized.total(batch)))) {
          LOG.warn("stopping with {} hits unapplied; they stay in the log for the next start",
              progress.unapplied());
          return;
        }
        progress.applied(batch);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fatal.accept(new IllegalStateException("ingest applier interrupted"));
    } catch (RuntimeException | Error e) {
      fatal.accept(e);
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
    ticker.awaitUntil(lastStart + intervalNanos,
        () -> written.size() + 1 >= maxBatch || writerDone.getAsBoolean());
  }
}
