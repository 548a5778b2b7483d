package io.spoor.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the {@link FileIngestLog} tests share: a log in a fresh directory on a time that stands
 * still until a test moves it on, and a look at the segment files the log wrote.
 */
abstract class FileIngestLogFixture extends IngestLogTesting {
  static final long LARGE_SEGMENT = 1 << 20;
  /** The pause between the applier's attempts, in the ticker's time. */
  static final Duration PAUSE = Duration.ofSeconds(1);

  @TempDir
  Path dir;
  /** The time every log made here goes by: it stands still until a test moves it on. */
  final ManualTicker ticker = new ManualTicker();

  /** A log that refuses at once what it has no room for. */
  FileIngestLog log(int capacity, int maxBatch, long maxBacklog) {
    return log(capacity, maxBatch, maxBacklog, Duration.ZERO);
  }

  FileIngestLog log(int capacity, int maxBatch, long maxBacklog, Duration maxWait) {
    return log(new IngestLimits(capacity, maxBatch, maxBacklog, maxWait));
  }

  /** A log whose applier, while busy, starts a batch at most once per {@code applyInterval}. */
  FileIngestLog gatheringLog(int maxBatch, Duration applyInterval) {
    return log(new IngestLimits(1000, maxBatch, 10_000, Duration.ZERO, applyInterval));
  }

  FileIngestLog log(IngestLimits limits) {
    return log(limits, LARGE_SEGMENT);
  }

  /** A log that starts a new segment once one holds {@code segmentBytes}. */
  FileIngestLog log(IngestLimits limits, long segmentBytes) {
    return log(limits, segmentBytes, Clock.systemUTC());
  }

  /** A log whose segments age as {@code clock} tells. */
  FileIngestLog log(IngestLimits limits, long segmentBytes, Clock clock) {
    return new FileIngestLog(dir, limits, segmentBytes, PAUSE, FileIngestLog.SEGMENT_MAX_AGE, clock, ticker);
  }

  FileIngestLog log() {
    return log(100, 100, 1000);
  }

  /** Ids of the hits in the segment files, read by a reader of its own. */
  List<String> idsInSegmentFiles() {
    try (LogSegments reader = new LogSegments(dir, LARGE_SEGMENT)) {
      return LogSegmentsFixture.recoverAll(reader, 0).stream().map(r -> HitCodec.decode(r.payload()).id()).toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  List<Path> segmentFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().matches("\\d{20}\\.log")).sorted().toList();
    }
  }
}
