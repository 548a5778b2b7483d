package io.spoor.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Where appended hits wait for the writer of {@link FileIngestLog}: a bounded queue that never
 * blocks the caller. A hit is refused at once when the log is shutting down. When the backlog
 * of hits taken and not yet applied is at its bound in hits or in bytes (or the queue is full),
 * the hit waits, in arrival order and without a thread, for the applier to make room, at most
 * the limits' wait; then it is refused. The hits waiting are bounded too, in hits and in bytes:
 * past that a hit is refused at once. Every hit taken is later acknowledged or refused; a
 * refused hit no longer counts in the backlog.
 */
final class LogIntake {
  private final BlockingQueue<Pending> appends;
  private final Backlog backlog;
  private final long maxWaitNanos;
  private final int maxWaiting;
  private final long maxWaitingBytes;
  /** Hits waiting for room, oldest first; guarded by itself, as is {@code waitingBytes}. */
  private final Deque<Waiting> waiting = new ArrayDeque<>();
  private long waitingBytes;
  private volatile int waitingCount;
  /** Appends share it; stopping takes it alone, so no hit is queued after the last drain. */
  private final ReadWriteLock gate = new ReentrantReadWriteLock();
  private volatile boolean accepting = true;
  private final Ticker ticker;

  /**
   * {@code backlog} counts hits taken and not yet applied; the applier takes them off. The wait
   * for room goes by {@code ticker}.
   */
  LogIntake(IngestLimits limits, Backlog backlog, Ticker ticker) {
    this.appends = new ArrayBlockingQueue<>(limits.queueCapacity());
    this.maxWaitNanos = limits.maxWait().toNanos();
    this.maxWaiting = limits.queueCapacity();
    this.maxWaitingBytes = limits.maxWaitingBytes();
    this.backlog = backlog;
    this.ticker = ticker;
  }

  /** Queues a hit; the future completes once it is durable, or fails if it is refused. */
  CompletableFuture<Void> append(Hit hit) {
    Pending pending = new Pending(hit, HitSize.of(hit), new CompletableFuture<>());
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
    long now = ticker.nanoTime();
    synchronized (waiting) {
      for (Waiting next; (next = waiting.peekFirst()) != null; waiting.pollFirst()) {
        if (now - next.since() > maxWaitNanos) {
          next.pending().done().completeExceptionally(new IngestOverloadedException("applier is behind"));
        } else if (!enqueue(next.pending())) {
          break;
        }
        waitingBytes -= next.pending().bytes();
      }
      waitingCount = waiting.size();
    }
  }

  /** Takes the hit if the backlog and the queue have room; false (nothing taken) if not. */
  private boolean enqueue(Pending pending) {
    if (!backlog.tryTake(pending.bytes())) {
      return false;
    }
    if (!appends.offer(pending)) {
      backlog.release(1, pending.bytes());
      return false;
    }
    return true;
  }

  private void waitForRoom(Pending pending) {
    synchronized (waiting) {
      if (waiting.isEmpty() && enqueue(pending)) {
        return;
      }
      if (maxWaitNanos == 0 || waiting.size() >= maxWaiting
          || (!waiting.isEmpty() && waitingBytes + pending.bytes() > maxWaitingBytes)) {
        pending.done().completeExceptionally(new IngestOverloadedException("applier is behind"));
        return;
      }
      waiting.addLast(new Waiting(pending, ticker.nanoTime()));
      waitingBytes += pending.bytes();
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
      waitingBytes = 0;
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

  /**
   * Moves queued hits, without waiting, to the end of {@code into} while it holds fewer than
   * {@code maxHits} hits and the next one fits within {@code maxBytes} with those it holds.
   * Only the writer takes hits, so the head it looks at is the head it takes.
   */
  void drainTo(List<Pending> into, int maxHits, long maxBytes) {
    Sized.drain(appends, into, maxHits, maxBytes);
  }

  /** Bytes of the hits waiting for room (not yet in the backlog). */
  long waitingBytes() {
    synchronized (waiting) {
      return waitingBytes;
    }
  }

  /** Fails a hit that was taken but not written; it no longer counts in the backlog. */
  void refuse(Pending p, Throwable why) {
    if (p.done().completeExceptionally(why)) {
      backlog.release(1, p.bytes());
    }
  }

  /** Refuses the hits still queued: they were taken but will never be written. */
  void refuseQueued() {
    List<Pending> left = new ArrayList<>();
    appends.drainTo(left);
    left.forEach(p -> refuse(p, new IngestOverloadedException("shutting down")));
  }

  /** A hit taken and not yet written, its estimated size, and the future its caller waits on. */
  record Pending(Hit hit, long bytes, CompletableFuture<Void> done) implements Sized {
  }

  private record Waiting(Pending pending, long since) {
  }
}
