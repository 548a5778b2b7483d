package io.spoor.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded durable log. One writer thread appends hits to segment files and makes each
 * group durable with one fsync before answering them (group commit); one applier thread
 * feeds what was written to the sink in large batches, records how far it got, and deletes
 * applied segments. The sink stores how far it applied in the transaction of each batch; after
 * a crash, {@link #start} replays what was written after that before anything else happens,
 * and the sink makes a hit replayed after being applied count once.
 *
 * <p>Acknowledged-but-unapplied hits are bounded by {@code maxBacklog} hits and
 * {@code maxBacklogBytes} of their estimated memory: past either, an append waits for the
 * applier to make room, at most {@code maxWait}, and is then refused (503).
 * Every append's future completes: acknowledged once durable, or refused. A busy applier lets
 * hits gather for up to {@code applyInterval} between batches: a larger batch shares the store
 * pages it writes among more hits, so each costs less.
 *
 * <p>If the writer or the applier thread fails (an {@link Error} such as running out of
 * memory, or an unexpected exception), the log logs it once, stops accepting hits and
 * completes {@link #failure}: it cannot recover by itself, and the process must be restarted
 * (the hits it acknowledged are in the log and are applied on the next start).
 *
 * <p>The parts: {@link LogIntake} (the bounded queue appends go to), {@link LogWriter} (the
 * writer thread), {@link ApplyLoop} (the applier thread), {@link LogReplay} (the replay on
 * start) and {@link ApplyProgress} (the applied mark, segment deletion and the callers of
 * {@link #awaitApplied}).
 */
public final class FileIngestLog implements IngestLog {
  private static final Logger LOG = LoggerFactory.getLogger(FileIngestLog.class);
  private static final long SEGMENT_BYTES = 64L * 1024 * 1024;
  private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
  /** The name the sink stores this log's applied position under. */
  static final String LOG_NAME = "local";

  private final LogSegments segments;
  private final DeadLetters deadLetters;
  /** Written and acknowledged, not yet applied: the writer adds, the applier takes. */
  private final BlockingQueue<Sequenced> toApply = new LinkedBlockingQueue<>();
  /** Hits taken and not yet applied (or refused): queued, written, or being replayed. */
  private final Backlog backlog;
  private final CompletableFuture<Throwable> failure = new CompletableFuture<>();
  private final LogIntake intake;
  private final LogWriter writer;
  private final ApplyProgress progress;
  private final int maxBatch;
  private final long maxBatchBytes;
  private final Duration applyInterval;
  private final long retryPauseMillis;
  /** Set once close() has stopped both threads: nothing more will be applied. */
  private volatile boolean stopped;
  private boolean started;
  private boolean closed;
  private Thread writerThread;
  private Thread applierThread;

  public FileIngestLog(Path dir, IngestLimits limits) {
    this(dir, limits, SEGMENT_BYTES, RETRY_PAUSE);
  }

  FileIngestLog(Path dir, IngestLimits limits, long segmentBytes, Duration retryPause) {
    this.segments = new LogSegments(dir, segmentBytes);
    this.deadLetters = new DeadLetters(dir.resolve("dead-letters.log"));
    this.backlog = new Backlog(limits.maxBacklog(), limits.maxBacklogBytes());
    this.intake = new LogIntake(limits, backlog);
    this.writer = new LogWriter(intake, segments, toApply, limits.maxBatchBytes(), this::fail);
    this.progress = new ApplyProgress(new AppliedMark(dir.resolve("applied")), segments, backlog,
        intake::admitWaiting);
    this.maxBatch = limits.maxBatch();
    this.maxBatchBytes = limits.maxBatchBytes();
    this.applyInterval = limits.applyInterval();
    this.retryPauseMillis = retryPause.toMillis();
  }

  @Override
  public CompletableFuture<Void> append(Hit hit) {
    return intake.append(hit);
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
    progress.resume(sink.appliedThrough(LOG_NAME));
    if (!new LogReplay(segments, deadLetters, progress).run(applier(sink, true), maxBatch)) {
      return;
    }
    writer.acknowledgedThrough(progress.appliedSeq());
    ApplyLoop live = new ApplyLoop(toApply, applier(sink, false), progress, writer::done, maxBatch,
        maxBatchBytes, applyInterval, this::fail);
    writerThread = new Thread(writer, "spoor-log-writer");
    applierThread = new Thread(live, "spoor-applier");
    writerThread.start();
    applierThread.start();
  }

  @Override
  public int depth() {
    return (int) Math.min(Integer.MAX_VALUE, backlog.hits());
  }

  @Override
  public long depthBytes() {
    return backlog.bytes();
  }

  @Override
  public long waitingBytes() {
    return intake.waitingBytes();
  }

  @Override
  public CompletableFuture<Throwable> failure() {
    return failure;
  }

  /** The writer or the applier stopped unexpectedly: nothing more can be taken or applied. */
  private void fail(Throwable why) {
    intake.stopAccepting();
    if (failure.complete(why)) {
      LOG.error("the ingest log failed and takes no more hits; restart the process (acknowledged hits "
          + "are kept in the log and applied on the next start)", why);
    }
  }

  @Override
  public long deadLettered() {
    return deadLetters.count();
  }

  /** Fails with {@link IngestOverloadedException} if the log closed before getting there. */
  @Override
  public CompletableFuture<Void> awaitApplied() {
    CompletableFuture<Void> done = progress.await(writer.acknowledgedSeq());
    if (stopped) {
      progress.failWaiters();
    }
    return done;
  }

  /**
   * Stops accepting, writes and applies everything accepted, then returns. Hits the sink
   * cannot take by then (store down) stay in the log for the next start; hits taken but never
   * written (the log was not started) are refused.
   */
  @Override
  public void close() {
    intake.stopAccepting();
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      join(writerThread);
      join(applierThread);
      intake.refuseQueued();
      try {
        segments.close();
      } catch (IOException e) {
        LOG.warn("closing the ingest log", e);
      }
      stopped = true;
    }
    progress.failWaiters();
  }

  /** Delivers to {@code sink}, retrying for as long as the log accepts hits. */
  private Applier applier(BatchSink sink, boolean replaying) {
    return new Applier(sink, LOG_NAME, replaying, deadLetters, intake::accepting, maxBatch, retryPauseMillis);
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

  /** A hit with its place in the log. */
  record Sequenced(long seq, Hit hit) {
  }
}
