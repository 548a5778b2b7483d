package io.spoor.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded durable log. One writer thread appends hits to segment files and makes each
 * group durable with one fsync before answering them (group commit); one applier thread
 * feeds what was written to the sink in large batches, records how far it got, and deletes
 * applied segments. The sink stores how far it applied in the transaction of each batch; after
 * a crash, {@link #start} replays what was written after that before anything else happens,
 * and the sink makes a hit replayed after being applied count once. The replay reads and
 * decodes the log as it applies it, holding one batch at a time however long the log.
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
 *
 * <p>Segments expire: one is appended to for at most {@code segmentMaxAge}, and a segment whose
 * hits are all applied is deleted, checked after every batch and every tenth of that age (at
 * least once a minute). So a hit's raw bytes leave the disk within about that age once applied.
 * Damage found in the files on start (not a torn tail) is recovered from as far as the records'
 * framing allows, logged as an error and reported by {@link #damage}.
 */
public final class FileIngestLog implements IngestLog {
  private static final Logger LOG = LoggerFactory.getLogger(FileIngestLog.class);
  private static final long SEGMENT_BYTES = 64L * 1024 * 1024;
  private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
  /** How long a segment is appended to unless a shorter age is given. */
  public static final Duration SEGMENT_MAX_AGE = Duration.ofHours(1);
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
  private final Duration retryPause;
  private final Ticker ticker;
  private final Duration expiryCheck;
  private volatile LogDamage damage = LogDamage.NONE;
  private ScheduledExecutorService expiry;
  /** Set once close() has stopped both threads: nothing more will be applied. */
  private volatile boolean stopped;
  private boolean started;
  private boolean closed;
  private Thread writerThread;
  private Thread applierThread;

  /**
   * A log whose segments are appended to for at most {@code segmentMaxAge}, as {@code clock}
   * tells; its threads' waits go by {@code ticker}.
   */
  public FileIngestLog(Path dir, IngestLimits limits, Duration segmentMaxAge, Clock clock, Ticker ticker) {
    this(dir, limits, SEGMENT_BYTES, RETRY_PAUSE, segmentMaxAge, clock, ticker);
  }

  FileIngestLog(Path dir, IngestLimits limits, long segmentBytes, Duration retryPause, Duration segmentMaxAge,
      Clock clock, Ticker ticker) {
    this.segments = new LogSegments(dir, segmentBytes, segmentMaxAge, clock);
    this.deadLetters = new DeadLetters(dir.resolve("dead-letters.log"), clock);
    this.backlog = new Backlog(limits.maxBacklog(), limits.maxBacklogBytes());
    this.intake = new LogIntake(limits, backlog, ticker);
    this.writer = new LogWriter(intake, segments, toApply, limits.maxBatchBytes(), this::fail);
    this.progress = new ApplyProgress(new AppliedMark(dir.resolve("applied")), segments, backlog,
        intake::admitWaiting);
    this.maxBatch = limits.maxBatch();
    this.maxBatchBytes = limits.maxBatchBytes();
    this.applyInterval = limits.applyInterval();
    this.retryPause = retryPause;
    this.ticker = ticker;
    this.expiryCheck = segmentMaxAge.dividedBy(10).compareTo(Duration.ofMinutes(1)) < 0
        ? segmentMaxAge.dividedBy(10) : Duration.ofMinutes(1);
  }

  /**
   * How many hits the log in {@code dir} holds that are not yet applied to the store
   * {@code applied} reads (inside the caller's transaction), read as a start reads them: a torn
   * tail is cut, damage recovered from. For commands that must not run while hits wait, and only
   * while no server uses the directory.
   */
  public static int unapplied(Path dir, AppliedHits applied) {
    if (!java.nio.file.Files.isDirectory(dir)) {
      return 0;
    }
    LogSegments segments = new LogSegments(dir, SEGMENT_BYTES);
    try {
      long through = Math.max(applied.position(LOG_NAME),
          new AppliedMark(dir.resolve("applied")).read().orElse(0));
      return (int) Math.min(Integer.MAX_VALUE, segments.recover(through).records());
    } finally {
      try {
        segments.close();
      } catch (IOException e) {
        LOG.warn("closing the ingest log", e);
      }
    }
  }

  @Override
  public CompletableFuture<Void> append(Hit hit) {
    return intake.append(hit);
  }

  /**
   * Replays what a crash left unapplied, then starts the writer, the applier and the expiry of
   * applied segments.
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
    boolean markIntact = progress.resume(sink.appliedThrough(LOG_NAME));
    LogReplay replay = new LogReplay(segments, deadLetters, progress);
    boolean replayed;
    try {
      replayed = replay.run(applier(sink, true), maxBatch, maxBatchBytes);
    } finally {
      damage = damage(segments.damage(), markIntact);
    }
    if (!replayed) {
      return;
    }
    writer.acknowledgedThrough(progress.appliedSeq());
    ApplyLoop live = new ApplyLoop(toApply, applier(sink, false), progress, writer::done, maxBatch,
        maxBatchBytes, applyInterval, this::fail, ticker);
    writerThread = new Thread(writer, "spoor-log-writer");
    applierThread = new Thread(live, "spoor-applier");
    writerThread.start();
    applierThread.start();
    expiry = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "spoor-log-expiry");
      t.setDaemon(true);
      return t;
    });
    expiry.scheduleWithFixedDelay(progress::expire, 0, Math.max(1, expiryCheck.toMillis()), TimeUnit.MILLISECONDS);
  }

  /** Deletes applied segments, the open one too once it is older than the segment age. */
  void expireSegments() {
    progress.expire();
  }

  @Override
  public LogDamage damage() {
    return damage;
  }

  private static LogDamage damage(List<LogSegments.Damage> found, boolean markIntact) {
    if (found.isEmpty() && markIntact) {
      return LogDamage.NONE;
    }
    long records = found.stream().mapToLong(LogSegments.Damage::recordsLost).sum();
    long lost = found.stream().mapToLong(LogSegments.Damage::unappliedLost).sum();
    StringBuilder summary = new StringBuilder();
    if (!found.isEmpty()) {
      summary.append(found.size()).append(found.size() == 1 ? " damaged span" : " damaged spans")
          .append(" in the segment files held ").append(records).append(records == 1 ? " record, " : " records, ")
          .append(lost).append(" of them hits not yet applied, now lost; damaged files kept as ")
          .append(String.join(", ", found.stream().map(d -> d.keptAs().toString()).distinct().toList()));
    }
    if (!markIntact) {
      summary.append(summary.isEmpty() ? "" : "; ").append("the applied mark was damaged");
    }
    return new LogDamage(found.size() + (markIntact ? 0 : 1), lost, summary.toString());
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
      if (expiry != null) {
        expiry.shutdownNow();
        try {
          expiry.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
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
    return new Applier(sink, LOG_NAME, replaying, deadLetters, intake::accepting, maxBatch, retryPause, ticker);
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

  /** A hit with its place in the log and its estimated size. */
  record Sequenced(long seq, Hit hit, long bytes) implements Sized {
  }
}
