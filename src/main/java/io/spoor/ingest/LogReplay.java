package io.spoor.ingest;

import io.spoor.ingest.FileIngestLog.Sequenced;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link FileIngestLog} does on start before anything else: reads back the records
 * written after where applying resumes (a crash may have left them unapplied) and applies
 * them, in log order and in batches, telling the sink they are replayed so it makes a hit
 * applied before count once. A record that cannot be decoded goes to the dead letters, once:
 * the mark then moves past it.
 */
final class LogReplay {
  // logs under FileIngestLog, the name operators know the log by
  private static final Logger LOG = LoggerFactory.getLogger(FileIngestLog.class);

  private final LogSegments segments;
  private final DeadLetters deadLetters;
  private final ApplyProgress progress;

  LogReplay(LogSegments segments, DeadLetters deadLetters, ApplyProgress progress) {
    this.segments = segments;
    this.deadLetters = deadLetters;
    this.progress = progress;
  }

  /**
   * Replays through {@code applier} in batches of at most {@code maxBatch}. True once every
   * record was applied or put aside; false if the applier gave up (closed during the replay),
   * leaving the rest in the log for the next start. Records after damage in the segment
   * files are replayed too (see {@link LogSegments}).
   */
  boolean run(Applier applier, int maxBatch) {
    long appliedSeq = progress.appliedSeq();
    Deque<Sequenced> replay = new ArrayDeque<>();
    long lastRecovered = recover(appliedSeq, replay);
    if (!replay.isEmpty()) {
      LOG.info("replaying {} hits written but not applied before the last stop", replay.size());
    }
    progress.replaying(replay);
    while (!replay.isEmpty()) {
      List<Sequenced> chunk = Sized.take(replay, maxBatch, Long.MAX_VALUE);
      if (!applier.deliver(chunk, n -> Sized.take(replay, n, Long.MAX_VALUE))) {
        LOG.warn("closed during the replay; {} hits stay in the log for the next start",
            chunk.size() + replay.size());
        return false;
      }
      progress.applied(chunk);
    }
    if (lastRecovered > progress.appliedSeq()) {
      // only records that could not be decoded (now dead letters) were left
      progress.skipTo(lastRecovered);
    }
    return true;
  }

  /**
   * Decodes the records after {@code appliedSeq} into {@code into}, putting aside those that
   * cannot be decoded; returns the sequence number of the last record read.
   */
  private long recover(long appliedSeq, Deque<Sequenced> into) {
    long lastRecovered = appliedSeq;
    for (LogSegments.Record record : segments.recover(appliedSeq)) {
      lastRecovered = record.seq();
      try {
        Hit hit = HitCodec.decode(record.payload());
        into.add(new Sequenced(record.seq(), hit, HitSize.of(hit)));
      } catch (IllegalArgumentException e) {
        deadLetters.add(record.seq(), record.payload(), e);
      }
    }
    return lastRecovered;
  }
}
