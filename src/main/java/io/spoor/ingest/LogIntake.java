package io.spoor.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Where appended hits wait for the writer of {@link FileIngestLog}: a bounded queue that never
 * blocks the caller. A hit is refused at once when the log is shutting down, when the backlog
 * of hits taken and not yet applied is at {@code maxBacklog}, or when the queue is full. Every
 * hit taken is later acknowledged or refused; a refused hit no longer counts in the backlog.
 */
final class LogIntake {
  private final BlockingQueue<Pending> appends;
  private final AtomicLong backlog;
  private final long maxBacklog;
  /** Appends share it; stopping takes it alone, so no hit is queued after the last drain. */
  private final ReadWriteLock gate = new ReentrantReadWriteLock();
  private volatile boolean accepting = true;

  /** {@code backlog} counts hits taken and not yet applied; the applier takes them off. */
  LogIntake(int capacity, long maxBacklog, AtomicLong backlog) {
    this.appends = new ArrayBlockingQueue<>(capacity);
    this.maxBacklog = maxBacklog;
    this.backlog = backlog;
  }

  /** Queues a hit; the future completes once it is durable, or fails if it is refused. */
  CompletableFuture<Void> append(Hit hit) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    gate.readLock().lock();
    try {
      if (!accepting) {
        done.completeExceptionally(new IngestOverloadedException("shutting down"));
      } else if (backlog.incrementAndGet() > maxBacklog) {
        backlog.decrementAndGet();
        done.completeExceptionally(new IngestOverloadedException("applier is behind"));
      } else if (!appends.offer(new Pending(hit, done))) {
        backlog.decrementAndGet();
        done.completeExceptionally(new IngestOverloadedException("ingest queue is full"));
      }
    } finally {
      gate.readLock().unlock();
    }
    return done;
  }

  boolean accepting() {
    return accepting;
  }

  /** Refuses every later append; once it returns, no append can still be adding a hit. */
  void stopAccepting() {
    gate.writeLock().lock();
    try {
      accepting = false;
    } finally {
      gate.writeLock().unlock();
    }
  }

  boolean isEmpty() {
    return appends.isEmpty();
  }

  /** The next queued hit, waiting at most {@code millis}; null if none came. */
  Pending poll(long millis) throws InterruptedException {
    return appends.poll(millis, TimeUnit.MILLISECONDS);
  }

  /** Moves up to {@code max} queued hits, without waiting, to the end of {@code into}. */
  void drainTo(List<Pending> into, int max) {
    appends.drainTo(into, max);
  }

  /** Fails a hit that was taken but not written; it no longer counts in the backlog. */
  void refuse(Pending p, Throwable why) {
    if (p.done().completeExceptionally(why)) {
      backlog.decrementAndGet();
    }
  }

  /** Refuses the hits still queued: they were taken but will never be written. */
  void refuseQueued() {
    List<Pending> left = new ArrayList<>();
    appends.drainTo(left);
    left.forEach(p -> refuse(p, new IngestOverloadedException("shutting down")));
  }

  /** A hit taken and not yet written, with the future its caller waits on. */
  record Pending(Hit hit, CompletableFuture<Void> done) {
  }
}
