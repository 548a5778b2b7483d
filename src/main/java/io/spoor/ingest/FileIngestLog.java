package io.spoor.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded durable log. One writer thread appends hits to segment files and makes each
 * group durable with one fsync before answering them (group commit); one applier thread
 * feeds what was written to the sink in large batches, records how far it got, and deletes
 * applied segments. After a crash, {@link #start} replays what was written but not applied
 * before anything else happens; the sink's ledger makes a replayed hit count once.
 *
 * <p>Acknowledged-but-unapplied hits are bounded by {@code maxBacklog}: past it, appends are
 * refused (503) until the applier catches up. Every append's future completes: acknowledged
 * once durable, or refused.
 */
public final class FileIngestLog implements IngestLog {
  private static final Logger LOG = LoggerFactory.getLogger(FileIngestLog.class);
  private static final int WRITE_BATCH = 4096;
  private static final long SEGMENT_BYTES = 64L * 1024 * 1024;
  private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

  private final LogSegments segments;
  private final AppliedMark mark;
  private final DeadLetters deadLetters;
  private final BlockingQueue<Pending> appends;
  private final BlockingQueue<Sequenced> toApply = new LinkedBlockingQueue<>();
  private final Queue<Waiter> waiters = new ConcurrentLinkedQueue<>();
  /** Hits taken and not yet applied (or refused): queued, written, or being replayed. */
  private final AtomicLong backlog = new AtomicLong();
  /** Appends share it; stopping takes it alone, so no hit is queued after the last drain. */
  private final ReadWriteLock gate = new ReentrantReadWriteLock();
  private final int maxBatch;
  private final long maxBacklog;
  private final long retryPauseMillis;
  private volatile boolean accepting = true;
  private volatile boolean writerDone;
  /** Set once close() has stopped both threads: nothing more will be applied. */
  private volatile boolean stopped;
  private volatile long acknowledgedSeq;
  private volatile long appliedSeq;
  private boolean started;
  private boolean closed;
  private Thread writer;
  private Thread applier;

  public FileIngestLog(Path dir, int capacity, int maxBatch, long maxBacklog) {
    this(dir, capacity, maxBatch, maxBacklog, SEGMENT_BYTES, RETRY_PAUSE);
  }

  FileIngestLog(Path dir, int capacity, int maxBatch, long maxBacklog, long segmentBytes,
      Duration retryPause) {
    if (capacity < 1 || maxBatch < 1 || maxBacklog < 1) {
      throw new IllegalArgumentException("capacity, batch size and backlog must be positive: "
          + capacity + ", " + maxBatch + ", " + maxBacklog);
    }
    this.segments = new LogSegments(dir, segmentBytes);
    this.mark = new AppliedMark(dir.resolve("applied"));
    this.deadLetters = new DeadLetters(dir.resolve("dead-letters.log"));
    this.appends = new ArrayBlockingQueue<>(capacity);
    this.maxBatch = maxBatch;
    this.maxBacklog = maxBacklog;
    this.retryPauseMillis = retryPause.toMillis();
  }

  @Override
  public CompletableFuture<Void> append(Hit hit) {
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

  /**
   * Replays what a crash left unapplied, then starts the writer and the applier. Throws
   * {@link IllegalStateException} if the log is damaged where acknowledged hits are kept.
   */
  @Override
  public synchronized void start(BatchSink sink) {
    if (started) {
      throw new IllegalStateException("already started");
    }
    if (closed) {
      throw new IllegalStateException("closed");
    }
    started = true;
    appliedSeq = mark.read();
    Deque<Sequenced> replay = new ArrayDeque<>();
    long lastRecovered = appliedSeq;
    for (LogSegments.Record record : segments.recover(appliedSeq)) {
      lastRecovered = record.seq();
      try {
        replay.add(new Sequenced(record.seq(), HitCodec.decode(record.payload())));
      } catch (IllegalArgumentException e) {
        deadLetters.add(record.seq(), record.payload(), e);
      }
    }
    if (!replay.isEmpty()) {
      LOG.info("replaying {} hits written but not applied before the last stop", replay.size());
    }
    backlog.addAndGet(replay.size());
    Applier replayer = new Applier(sink, deadLetters, () -> accepting, maxBatch, retryPauseMillis);
    while (!replay.isEmpty()) {
      List<Sequenced> chunk = take(replay, maxBatch);
      if (!replayer.deliver(chunk, n -> take(replay, n))) {
        LOG.warn("closed during the replay; {} hits stay in the log for the next start",
            chunk.size() + replay.size());
        return;
      }
      applied(chunk);
    }
    if (lastRecovered > appliedSeq) {
      // only records that could not be decoded (now dead letters) were left
      appliedSeq = lastRecovered;
      markApplied(lastRecovered);
    }
    acknowledgedSeq = appliedSeq;
    Applier live = new Applier(sink, deadLetters, () -> accepting, maxBatch, retryPauseMillis);
    writer = new Thread(this::write, "spoor-log-writer");
    applier = new Thread(() -> apply(live), "spoor-applier");
    writer.start();
    applier.start();
  }

  @Override
  public int depth() {
    return (int) Math.min(Integer.MAX_VALUE, backlog.get());
  }

  @Override
  public long deadLettered() {
    return deadLetters.count();
  }

  /** Fails with {@link IngestOverloadedException} if the log closed before getting there. */
  @Override
  public CompletableFuture<Void> awaitApplied() {
    Waiter waiter = new Waiter(acknowledgedSeq, new CompletableFuture<>());
    waiters.add(waiter);
    releaseWaiters();
    if (stopped) {
      failWaiters();
    }
    return waiter.done;
  }

  /**
   * Stops accepting, writes and applies everything accepted, then returns. Hits the sink
   * cannot take by then (store down) stay in the log for the next start; hits taken but never
   * written (the log was not started) are refused.
   */
  @Override
  public void close() {
    stopAccepting();
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      join(writer);
      join(applier);
      refuseQueued();
      try {
        segments.close();
      } catch (IOException e) {
        LOG.warn("closing the ingest log", e);
      }
      stopped = true;
    }
    failWaiters();
  }

  private void stopAccepting() {
    gate.writeLock().lock();
    try {
      accepting = false;
    } finally {
      gate.writeLock().unlock();
    }
  }

  private void write() {
    List<Pending> batch = new ArrayList<>(WRITE_BATCH);
    try {
      while (accepting || !appends.isEmpty()) {
        Pending first = appends.poll(50, TimeUnit.MILLISECONDS);
        if (first != null) {
          batch.add(first);
          appends.drainTo(batch, WRITE_BATCH - 1);
          writeDurably(batch);
          batch.clear();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.error("ingest log writer interrupted; taking no more hits");
    } catch (RuntimeException | Error e) {
      LOG.error("ingest log writer failed; taking no more hits", e);
    } finally {
      if (accepting) {
        stopAccepting();
      }
      batch.forEach(p -> refuse(p, new IngestOverloadedException("ingest log unavailable")));
      refuseQueued();
      writerDone = true;
    }
  }

  private void writeDurably(List<Pending> batch) {
    List<Pending> written = new ArrayList<>(batch.size());
    List<byte[]> payloads = new ArrayList<>(batch.size());
    for (Pending p : batch) {
      try {
        payloads.add(HitCodec.encode(p.hit));
        written.add(p);
      } catch (RuntimeException e) {
        LOG.error("cannot encode hit {}", p.hit.id(), e);
        refuse(p, e);
      }
    }
    if (written.isEmpty()) {
      return;
    }
    long last;
    try {
      last = segments.append(payloads);
    } catch (IOException | RuntimeException e) {
      LOG.error("cannot write {} hits to the ingest log", written.size(), e);
      written.forEach(p -> refuse(p, new IngestOverloadedException("ingest log unavailable")));
      return;
    }
    long seq = last - written.size() + 1;
    for (Pending p : written) {
      toApply.add(new Sequenced(seq++, p.hit));
    }
    acknowledgedSeq = last;
    written.forEach(p -> p.done.complete(null));
  }

  /** Fails a hit that was taken but not written; it no longer counts in the backlog. */
  private void refuse(Pending p, Throwable why) {
    if (p.done.completeExceptionally(why)) {
      backlog.decrementAndGet();
    }
  }

  private void refuseQueued() {
    List<Pending> left = new ArrayList<>();
    appends.drainTo(left);
    left.forEach(p -> refuse(p, new IngestOverloadedException("shutting down")));
  }

  private void apply(Applier sink) {
    try {
      while (!(writerDone && toApply.isEmpty())) {
        Sequenced first = toApply.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        List<Sequenced> batch = new ArrayList<>(maxBatch);
        batch.add(first);
        toApply.drainTo(batch, maxBatch - 1);
        if (!sink.deliver(batch, n -> take(toApply, n))) {
          LOG.warn("stopping with {} hits unapplied; they stay in the log for the next start",
              backlog.get());
          return;
        }
        applied(batch);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.error("ingest applier interrupted; unapplied hits stay in the log for the next start");
    } catch (RuntimeException | Error e) {
      LOG.error("ingest applier failed; unapplied hits stay in the log for the next start", e);
    }
  }

  /** Records progress after the sink took a batch (in log order). */
  private void applied(List<Sequenced> batch) {
    long lastSeq = batch.get(batch.size() - 1).seq();
    backlog.addAndGet(-batch.size());
    appliedSeq = lastSeq;
    markApplied(lastSeq);
    releaseWaiters();
  }

  /** Saves how far the applier got, drops applied segments; failing only makes a replay longer. */
  private void markApplied(long seq) {
    try {
      mark.write(seq);
      segments.deleteThrough(seq);
    } catch (UncheckedIOException e) {
      LOG.warn("cannot record ingest progress at {}; the next start replays more", seq, e);
    }
  }

  private void releaseWaiters() {
    waiters.removeIf(w -> w.seq <= appliedSeq && w.done.complete(null));
  }

  private void failWaiters() {
    releaseWaiters();
    for (Waiter w; (w = waiters.poll()) != null; ) {
      w.done.completeExceptionally(
          new IngestOverloadedException("closed before every acknowledged hit was applied"));
    }
  }

  private static <T> List<T> take(Queue<T> from, int max) {
    List<T> taken = new ArrayList<>(Math.min(max, 64));
    for (T next; taken.size() < max && (next = from.poll()) != null; ) {
      taken.add(next);
    }
    return taken;
  }

  private static void join(Thread thread) {
    if (thread != null) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private record Pending(Hit hit, CompletableFuture<Void> done) {
  }

  /** A hit with its place in the log. */
  record Sequenced(long seq, Hit hit) {
  }

  private record Waiter(long seq, CompletableFuture<Void> done) {
  }
}
