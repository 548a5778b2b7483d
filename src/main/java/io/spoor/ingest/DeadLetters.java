package io.spoor.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledged hits that could not be applied even alone (a defect, not bad input: bad input
 * goes to the rejection list). Kept one per line with the error and the encoded record, so an
 * operator can see them and replay them after a fix; counted in the metrics.
 */
public final class DeadLetters {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
  private final Path file;
  private final Clock clock;
  private final AtomicLong count = new AtomicLong();

  public DeadLetters(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  /** Keeps one record aside, durably; counted once it was written. */
  public void add(long seq, byte[] record, Throwable error) {
    LOG.error("log record {} cannot be applied; kept in {}", seq, file, error);
    String line = clock.instant() + "\t" + seq + "\t" + error.getClass().getName() + "\t"
        + Base64.getEncoder().encodeToString(record) + "\n";
    try {
      Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND, StandardOpenOption.SYNC);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep a dead letter in " + file, e);
    }
    count.incrementAndGet();
  }

  public long count() {
    return count.get();
  }
}
