package io.spoor.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded log: a bounded in-memory queue in front of the sink, whose commit is the
 * durable write. A hit is acknowledged when the batch holding it has been committed, so the
 * queue itself never holds anything acknowledged. While one batch commits, the next one
 * gathers: under load, batches grow and the cost of each commit is shared (group commit).
 * Every accepted hit's future completes: delivered, failed by the sink, or failed at close.
 */
public final class LocalIngestLog implements IngestLog {
  private static final Logger LOG = LoggerFactory.getLogger(LocalIngestLog.class);

  private final BlockingQueue<Pending> queue;
  private final int maxBatch;
  /** Appends share it; close takes it alone, so no hit slips in after the last drain. */
  private final ReadWriteLock gate = new ReentrantReadWriteLock();
  private volatile boolean accepting = true;
  private Thread writer;

  public LocalIngestLog(int capacity, int maxBatch) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.maxBatch = maxBatch;
  }

  @Override
  public CompletableFuture<Void> append(Hit hit) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    gate.readLock().lock();
    try {
      if (!accepting) {
        done.completeExceptionally(new IngestOverloadedException("shutting down"));
      } else if (!queue.offer(new Pending(hit, done))) {
        done.completeExceptionally(new IngestOverloadedException("ingest queue is full"));
      }
    } finally {
      gate.readLock().unlock();
    }
    return done;
  }

  @Override
  public synchronized void start(BatchSink sink) {
    if (writer != null) {
      throw new IllegalStateException("already started");
    }
    writer = new Thread(() -> run(sink), "spoor-applier");
    writer.start();
  }

  /** Acknowledgement waits for the commit here, so everything acknowledged is applied. */
  @Override
  public CompletableFuture<Void> awaitApplied() {
    return CompletableFuture.completedFuture(null);
  }

  /** Hits this log cannot apply fail their own request instead. */
  @Override
  public long deadLettered() {
    return 0;
  }

  @Override
  public int depth() {
    return queue.size();
  }

  @Override
  public void close() {
    gate.writeLock().lock();
    try {
      accepting = false;
    } finally {
      gate.writeLock().unlock();
    }
    Thread thread;
    synchronized (this) {
      thread = writer;
    }
    if (thread != null) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    failLeftovers();
  }

  private void run(BatchSink sink) {
    List<Pending> batch = new ArrayList<>(maxBatch);
    while (accepting || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        deliver(sink, batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        LOG.error("applier interrupted; {} queued hits fail", queue.size());
        failLeftovers();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  /** Hits still queued when nothing will deliver them any more: failed, never left hanging. */
  private void failLeftovers() {
    List<Pending> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(p -> p.done.completeExceptionally(new IngestOverloadedException("shutting down")));
  }

  /**
   * Applies the batch; if it fails, applies its hits one by one so that one hit that cannot
   * be applied fails alone instead of taking its whole batch with it.
   */
  private static void deliver(BatchSink sink, List<Pending> batch) {
    List<Hit> hits = new ArrayList<>(batch.size());
    batch.forEach(p -> hits.add(p.hit));
    try {
      sink.apply(hits);
      batch.forEach(p -> p.done.complete(null));
    } catch (RuntimeException | Error e) {
      if (batch.size() == 1) {
        LOG.error("hit {} not committed", batch.get(0).hit.id(), e);
        batch.get(0).done.completeExceptionally(e);
        return;
      }
      LOG.warn("batch of {} hits not committed; applying them one by one", hits.size(), e);
      batch.forEach(p -> deliver(sink, List.of(p)));
    }
  }

  private record Pending(Hit hit, CompletableFuture<Void> done) {
  }
}
