package io.spoor.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * refused (503) until the applier catches up.
 */
public final class FileIngestLog implements IngestLog {
  private static final Logger LOG = LoggerFactory.getLogger(FileIngestLog.class);
  private static final int WRITE_BATCH = 4096;
  private static final long SEGMENT_BYTES = 64L * 1024 * 1024;

  private final LogSegments segments;
  private final AppliedMark mark;
  private final DeadLetters deadLetters;
  private final BlockingQueue<Pending> appends;
  private final BlockingQueue<Sequenced> toApply = new LinkedBlockingQueue<>();
  private final Queue<Waiter> waiters = new ConcurrentLinkedQueue<>();
  private final AtomicLong backlog = new AtomicLong();
  private final int maxBatch;
  private final long maxBacklog;
  private volatile boolean accepting = true;
  private volatile boolean writerDone;
  private volatile long acknowledgedSeq;
  private volatile long appliedSeq;
  private Thread writer;
  private Thread applier;

  public FileIngestLog(Path dir, int capacity, int maxBatch, long maxBacklog) {
    this.segments = new LogSegments(dir, SEGMENT_BYTES);
    this.mark = new AppliedMark(dir.resolve("applied"));
    this.deadLetters = new DeadLetters(dir.resolve("dead-letters.log"));
    this.appends = new ArrayBlockingQueue<>(capacity);
    this.maxBatch = maxBatch;
    this.maxBacklog = maxBacklog;
  }

  @Override
  public CompletableFuture<Void> append(Hit hit) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (!accepting) {
      done.completeExceptionally(new IngestOverloadedException("shutting down"));
    } else if (backlog.incrementAndGet() > maxBacklog) {
      backlog.decrementAndGet();
      done.completeExceptionally(new IngestOverloadedException("applier is behind"));
    } else if (!appends.offer(new Pending(hit, done))) {
      backlog.decrementAndGet();
      done.completeExceptionally(new IngestOverloadedException("ingest queue is full"));
    }
    return done;
  }

  /** Replays what a crash left unapplied, then starts the writer and the applier. */
  @Override
  public synchronized void start(BatchSink sink) {
    if (writer != null) {
      throw new IllegalStateException("already started");
    }
    appliedSeq = mark.read();
    List<Sequenced> replay = new ArrayList<>();
    for (LogSegments.Record record : segments.recover(appliedSeq)) {
      try {
        replay.add(new Sequenced(record.seq(), HitCodec.decode(record.payload())));
      } catch (IllegalArgumentException e) {
        deadLetters.add(record.seq(), record.payload(), e);
      }
    }
    if (!replay.isEmpty()) {
      LOG.info("replaying {} hits written but not applied before the last stop", replay.size());
    }
    backlog.set(replay.size());
    Applier replayer = new Applier(sink, deadLetters, () -> true);
    for (int from = 0; from < replay.size(); from += maxBatch) {
      List<Sequenced> chunk = replay.subList(from, Math.min(replay.size(), from + maxBatch));
      replayer.deliver(chunk);
      applied(chunk);
    }
    acknowledgedSeq = appliedSeq;
    writer = new Thread(this::write, "spoor-log-writer");
    applier = new Thread(() -> apply(new Applier(sink, deadLetters, () -> accepting)), "spoor-applier");
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

  @Override
  public CompletableFuture<Void> awaitApplied() {
    Waiter waiter = new Waiter(acknowledgedSeq, new CompletableFuture<>());
    waiters.add(waiter);
    releaseWaiters();
    return waiter.done;
  }

  @Override
  public void close() {
    accepting = false;
    join(writer);
    join(applier);
    try {
      segments.close();
    } catch (IOException e) {
      LOG.warn("closing the ingest log", e);
    }
  }

  private void write() {
    List<Pending> batch = new ArrayList<>(WRITE_BATCH);
    while (accepting || !appends.isEmpty()) {
      try {
        Pending first = appends.poll(50, TimeUnit.MILLISECONDS);
        if (first != null) {
          batch.add(first);
          appends.drainTo(batch, WRITE_BATCH - 1);
          writeDurably(batch);
          batch.clear();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    writerDone = true;
  }

  private void writeDurably(List<Pending> batch) {
    List<byte[]> payloads = new ArrayList<>(batch.size());
    batch.forEach(p -> payloads.add(HitCodec.encode(p.hit)));
    long last;
    try {
      synchronized (segments) {
        last = segments.append(payloads);
        segments.force();
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.error("cannot write {} hits to the ingest log", batch.size(), e);
      backlog.addAndGet(-batch.size());
      batch.forEach(p -> p.done.completeExceptionally(new IngestOverloadedException("ingest log unavailable")));
      return;
    }
    long seq = last - batch.size() + 1;
    for (Pending p : batch) {
      toApply.add(new Sequenced(seq++, p.hit));
    }
    acknowledgedSeq = last;
    batch.forEach(p -> p.done.complete(null));
  }

  private void apply(Applier sink) {
    List<Sequenced> batch = new ArrayList<>(maxBatch);
    while (!(writerDone && toApply.isEmpty())) {
      try {
        Sequenced first = toApply.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        toApply.drainTo(batch, maxBatch - 1);
        if (!sink.deliver(batch)) {
          LOG.warn("stopping with {} hits unapplied; they stay in the log for the next start",
              batch.size() + toApply.size());
          return;
        }
        applied(batch);
        batch.clear();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Records progress after the sink took a batch. */
  private void applied(List<Sequenced> batch) {
    long lastSeq = batch.get(batch.size() - 1).seq();
    backlog.addAndGet(-batch.size());
    appliedSeq = lastSeq;
    mark.write(lastSeq);
    synchronized (segments) {
      segments.deleteThrough(lastSeq);
    }
    releaseWaiters();
  }

  private void releaseWaiters() {
    waiters.removeIf(w -> w.seq <= appliedSeq && w.done.complete(null));
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
