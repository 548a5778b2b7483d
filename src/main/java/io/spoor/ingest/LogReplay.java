package io.spoor.ingest;

import io.spoor.ingest.FileIngestLog.Sequenced;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link FileIngestLog} does on start before anything else: reads back the records
 * written after where applying resumes (a crash may have left them unapplied) and applies
 * them, in log order and in batches, telling the sink they are replayed so it makes a hit
 * applied before count once. Records are read and decoded as they are applied: the replay
 * holds one batch of hits (and the next record read), however long the log. A record that
 * cannot be decoded goes to the dead letters, once: it is put aside when every record before
 * it is applied, and the mark moves past it at once.
 */
final class LogReplay {
  // logs under FileIngestLog, the name operators know the log by
  private static final Logger LOG = LoggerFactory.getLogger(FileIngestLog.class);

  private final LogSegments segments;
  private final DeadLetters deadLetters;
  private final ApplyProgress progress;
  private final Function<byte[], Hit> decoder;

  LogReplay(LogSegments segments, DeadLetters deadLetters, ApplyProgress progress) {
    this(segments, deadLetters, progress, HitCodec::decode);
  }

  /** {@code decoder} turns a record into its hit, throwing {@link IllegalArgumentException} if it cannot. */
  LogReplay(LogSegments segments, DeadLetters deadLetters, ApplyProgress progress, Function<byte[], Hit> decoder) {
    this.segments = segments;
    this.deadLetters = deadLetters;
    this.progress = progress;
    this.decoder = decoder;
  }

  /**
   * Replays through {@code applier} in batches of at most {@code maxBatch} hits and
   * {@code maxBatchBytes} of them ({@link HitSize}; a larger hit goes alone). True once every
   * record was applied or put aside; false if the applier gave up (closed during the replay),
   * leaving the rest in the log for the next start. Records after damage in the segment files
   * are replayed too (see {@link LogSegments}).
   */
  boolean run(Applier applier, int maxBatch, long maxBatchBytes) {
    long appliedSeq = progress.appliedSeq();
    LogSegments.Unapplied found = segments.recover(appliedSeq);
    if (found.records() > 0) {
      LOG.info("replaying {} hits written but not applied before the last stop, records {} to {}",
          found.records(), appliedSeq + 1, found.lastSeq());
    }
    progress.replaying(found.records());
    try (Decoded next = new Decoded(segments.records(appliedSeq), found.records())) {
      for (Sequenced first; (first = next.poll()) != null; ) {
        List<Sequenced> batch = new ArrayList<>(Math.min(maxBatch, 1024));
        batch.add(first);
        Sized.drain(next, batch, maxBatch, maxBatchBytes);
        progress.decoded(batch);
        if (!applier.deliver(batch, n -> next.take(n, maxBatchBytes - Sized.total(batch)))) {
          LOG.warn("closed during the replay; {} hits stay in the log for the next start", next.left);
          return false;
        }
        progress.applied(batch);
        next.applied(batch.size());
      }
    }
    return true;
  }

  /**
   * The replayed records as hits, decoded one ahead at most. An undecodable record with hits
   * before it not yet applied ends what can be taken for now; once they are applied, it goes
   * to the dead letters and the mark moves past it.
   */
  private final class Decoded implements Sized.Source<Sequenced>, AutoCloseable {
    private final SegmentRecords records;
    private LogSegments.Record read;
    private Sequenced ahead;
    /** Hits taken and not yet applied. */
    private long held;
    /** Records neither applied nor put aside. */
    private long left;

    Decoded(SegmentRecords records, long left) {
      this.records = records;
      this.left = left;
    }

    @Override
    public Sequenced peek() {
      while (ahead == null && (read != null || (read = records.next()) != null)) {
        try {
          Hit hit = decoder.apply(read.payload());
          ahead = new Sequenced(read.seq(), hit, HitSize.of(hit));
        } catch (IllegalArgumentException e) {
          if (held > 0) {
            return null;
          }
          deadLetters.add(read.seq(), read.payload(), e);
          progress.putAside(read.seq());
          left--;
        }
        read = null;
      }
      return ahead;
    }

    @Override
    public Sequenced poll() {
      Sequenced taken = peek();
      if (taken != null) {
        ahead = null;
        held++;
      }
      return taken;
    }

    /** Takes at most {@code max} more hits, within {@code maxBytes}, counted as decoded. */
    List<Sequenced> take(int max, long maxBytes) {
      List<Sequenced> more = Sized.take(this, max, maxBytes);
      progress.decoded(more);
      return more;
    }

    void applied(int hits) {
      held -= hits;
      left -= hits;
    }

    @Override
    public void close() {
      records.close();
    }
  }
}
