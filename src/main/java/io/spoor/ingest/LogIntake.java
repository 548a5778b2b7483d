package io.spoor.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
 * blocks the caller. A hit is refused at once when the log is shutting down. When the backlog
 * of hits taken and not yet applied is at its bound (or the queue is full), the hit waits, in
 * arrival order and without a thread, for the applier to make room, at most the limits' wait;
 * then it is refused. Every hit taken is later acknowledged or refused; a refused hit no longer
 * counts in the backlog.
 */
final class LogIntake {
  private final BlockingQueue<Pending> appends;
  private final AtomicLong backlog;
  private final long maxBacklog;
  private final long maxWaitNanos;
  private final int maxWaiting;
  /** Hits waiting for room, oldest first; guarded by itself. */
  private final Deque<Waiting> waiting = new ArrayDeque<>();
  private volatile int waitingCount;
  /** Appends share it; stopping takes it alone, so no hit is queued after the last drain. */
  private final ReadWriteLock gate = new ReentrantReadWriteLock();
  private volatile boolean accepting = true;

  /** {@code backlog} counts hits taken and not yet applied; the applier takes them off. */
  LogIntake(IngestLimits limits, AtomicLong backlog) {
    this.appends = new ArrayBlockingQueue<>(limits.queueCapacity());
    this.maxBacklog = limits.maxBacklog();
    this.maxWaitNanos = limits.maxWait().toNanos();
    this.maxWaiting = limits.queueCapacity();
    this.backlog = backlog;
  }

  /** Queues a hit; the future completes once it is durable, or fails if it is refused. */
  CompletableFuture<Void> append(Hit hit) {
    Pending pending = new Pending(hit, new CompletableFuture<>());
    gate.readLock().lock();
    try {
      if (!accepting) {
        pending.done().completeExceptionally(new IngestOverloadedException("shutting down"));
      } else if (waitingCount > 0 || !enqueue(pending)) {
        waitForRoom(pending);
      }
    } finally {
      gate.readLock().unlock();
    }
    return pending.done();
  }

  /**
   * Lets waiting hits in, oldest first, while there is room, and refuses those that waited
   * too long. The applier calls it after each batch, the writer after each write and poll.
   */
  void admitWaiting() {
    if (waitingCount == 0) {
      return;
    }
    long now = System.nanoTime();
    synchronized (waiting) {
      for (Waiting next; (next = waiting.peekFirst()) != null; waiting.pollFirst()) {
        if (now - next.since() > maxWaitNanos) {
          next.pending().done().completeExceptionally(new IngestOverloadedException("applier is behind"));
        } else if (!enqueue(next.pending())) {
          break;
        }
      }
      waitingCount = waiting.size();
    }
  }

  /** Takes the hit if the backlog and the queue have room; false (nothing taken) if not. */
  private boolean enqueue(Pending pending) {
    if (backlog.incrementAndGet() > maxBacklog || !appends.offer(pending)) {
      backlog.decrementAndGet();
      return false;
    }
    return true;
  }

  private void waitForRoom(Pending pending) {
    synchronized (waiting) {
      if (waiting.isEmpty() && enqueue(pending)) {
        return;
      }
      if (maxWaitNanos == 0 || waiting.size() >= maxWaiting) {
        pending.done().completeExceptionally(new IngestOverloadedException("applier is behind"));
        return;
      }
      waiting.addLast(new Waiting(pending, System.nanoTime()));
      waitingCount = waiting.size();
    }
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
    synchronized (waiting) {
      waiting.forEach(w -> w.pending().done().completeExceptionally(new IngestOverloadedException("shutting down")));
      waiting.clear();
      waitingCount = 0;
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

  private record Waiting(Pending pending, long since) {
  }
}
