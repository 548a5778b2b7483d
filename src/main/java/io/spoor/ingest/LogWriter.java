package io.spoor.ingest;

import io.spoor.ingest.FileIngestLog.Sequenced;
import io.spoor.ingest.LogIntake.Pending;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer thread of {@link FileIngestLog}: takes queued hits from the {@link LogIntake},
 * writes them to the segment files in groups made durable with one fsync (group commit), and
 * only then acknowledges them and hands them on, in log order, to be applied. A hit that
 * cannot be encoded or written is refused. A group holds at most {@code WRITE_BATCH} hits and
 * {@code maxBatchBytes} of them (a single larger hit goes alone). It runs until the intake stops accepting and is
 * drained; if it fails (an {@link Error} such as running out of memory, or an unexpected
 * exception), it reports the failure as fatal, the intake stops accepting and what is left
 * queued is refused.
 */
final class LogWriter implements Runnable {
  // logs under FileIngestLog, the name operators know the log by
  private static final Logger LOG = LoggerFactory.getLogger(FileIngestLog.class);
  private static final int WRITE_BATCH = 4096;

  private final LogIntake intake;
  private final LogSegments segments;
  private final Queue<Sequenced> written;
  private final long maxBatchBytes;
  private final Consumer<Throwable> fatal;
  private volatile boolean done;
  private volatile long acknowledgedSeq;

  /**
   * Writes what {@code intake} took to {@code segments}, then puts it on {@code written};
   * {@code fatal} is told of what stopped the thread unexpectedly.
   */
  LogWriter(LogIntake intake, LogSegments segments, Queue<Sequenced> written, long maxBatchBytes,
      Consumer<Throwable> fatal) {
    this.intake = intake;
    this.segments = segments;
    this.written = written;
    this.maxBatchBytes = maxBatchBytes;
    this.fatal = fatal;
  }

  /** True once the writer thread has stopped: nothing more will be written. */
  boolean done() {
    return done;
  }

  /** The sequence number of the last acknowledged hit. */
  long acknowledgedSeq() {
    return acknowledgedSeq;
  }

  /** Sets where acknowledged hits stand before the writer starts (after the replay). */
  void acknowledgedThrough(long seq) {
    acknowledgedSeq = seq;
  }

  @Override
  public void run() {
    List<Pending> batch = new ArrayList<>(WRITE_BATCH);
    try {
      while (intake.accepting() || !intake.isEmpty()) {
        Pending first = intake.poll(50);
        if (first != null) {
          batch.add(first);
          intake.drainTo(batch, WRITE_BATCH, maxBatchBytes);
          writeDurably(batch);
          batch.clear();
        }
        // the queue has room again, and hits that waited too long are refused in time
        intake.admitWaiting();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fatal.accept(new IllegalStateException("ingest log writer interrupted"));
    } catch (RuntimeException | Error e) {
      fatal.accept(e);
    } finally {
      if (intake.accepting()) {
        intake.stopAccepting();
      }
      batch.forEach(p -> intake.refuse(p, new IngestOverloadedException("ingest log unavailable")));
      intake.refuseQueued();
      done = true;
    }
  }

  private void writeDurably(List<Pending> batch) {
    List<Pending> encoded = new ArrayList<>(batch.size());
    List<byte[]> payloads = encode(batch, encoded);
    if (encoded.isEmpty()) {
      return;
    }
    long last;
    try {
      last = segments.append(payloads);
    } catch (IOException | RuntimeException e) {
      LOG.error("cannot write {} hits to the ingest log", encoded.size(), e);
      encoded.forEach(p -> intake.refuse(p,
          new IngestOverloadedException("ingest log unavailable")));
      return;
    }
    long seq = last - encoded.size() + 1;
    for (Pending p : encoded) {
      written.add(new Sequenced(seq++, p.hit(), p.bytes()));
    }
    acknowledgedSeq = last;
    encoded.forEach(p -> p.done().complete(null));
  }

  /** Encodes each hit, adding it to {@code encoded}; a hit that cannot be encoded is refused. */
  private List<byte[]> encode(List<Pending> batch, List<Pending> encoded) {
    List<byte[]> payloads = new ArrayList<>(batch.size());
    for (Pending p : batch) {
      try {
        payloads.add(HitCodec.encode(p.hit()));
        encoded.add(p);
      } catch (RuntimeException e) {
        LOG.error("cannot encode hit {}", p.hit().id(), e);
        intake.refuse(p, e);
      }
    }
    return payloads;
  }
}
