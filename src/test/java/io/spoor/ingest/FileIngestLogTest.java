package io.spoor.ingest;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** The {@link IngestLog} contract against the embedded file log, on a time that stands still. */
class FileIngestLogTest extends IngestLogContract {
  @TempDir
  Path dir;
  private final ManualTicker ticker = new ManualTicker();

  @Override
  IngestLog open(IngestLimits limits) {
    return new FileIngestLog(dir, limits, FileIngestLogFixture.LARGE_SEGMENT, FileIngestLogFixture.PAUSE,
        FileIngestLog.SEGMENT_MAX_AGE, Clock.systemUTC(), ticker);
  }
}
