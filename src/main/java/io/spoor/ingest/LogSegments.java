package io.spoor.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of the local ingest log: numbered records ({@code length, sequence, CRC-32,
 * payload}, the checksum over the sequence number and the payload, so a damaged length shows
 * too) appended to segment files named by the first sequence number they may hold. Sequence
 * numbers only grow, across segments and across restarts. {@link #append} returns once the
 * records are durable; if it fails, none of them stays in the file.
 *
 * <p>On recovery, a bad record at the end of the last segment with nothing valid after it is a
 * torn tail (a write cut by a crash, never acknowledged): it is cut off, unless records already
 * applied (so acknowledged) should be there. Any other bad bytes
 * are damage: the records after it are found again by their framing (the next header whose
 * sequence number follows and whose checksum matches), the damaged file is copied to
 * {@code damaged/} and rewritten with the whole records only, and the damage is logged as an
 * error and reported by {@link #damage}.
 *
 * <p>A segment is used for appending for at most {@code maxAge}; once every record in it is
 * applied, {@link #deleteThrough} deletes it, the last one too. A segment found on start is
 * not appended to. Other files in the directory are left alone.
 */
final class LogSegments implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LogSegments.class);
  /** Bytes before a record's payload: its length, sequence number and checksum. */
  static final int HEADER = 4 + 8 + 4;
  private static final Pattern SEGMENT_NAME = Pattern.compile("(\\d{20})\\.log");
  /** Where damaged segments are copied before they are rewritten. */
  static final String DAMAGED_DIR = "damaged";

  private final Path dir;
  private final long segmentBytes;
  private final Duration maxAge;
  private final Clock clock;
  private final TreeMap<Long, Path> segments = new TreeMap<>();
  private final List<Damage> damage = new ArrayList<>();
  private final SegmentReader reader;
  private FileChannel current;
  /** When this process started the segment {@link #current} writes to. */
  private Instant currentSince;
  /** The sequence number of the next record; 0 until {@link #recover} ran. */
  private long nextSeq;
  /** Set when a failed append could not be undone: the file may hold a partial batch. */
  private IOException broken;

  /** A record read back: its sequence number and payload. */
  record Record(long seq, byte[] payload) {
  }

  /**
   * Bad bytes found on recovery where a crash cannot have left them: {@code bytes} bytes from
   * byte {@code at} of {@code segment}, where records {@code firstLost} to {@code lastLost}
   * were (none if {@code firstLost > lastLost}), {@code unappliedLost} of them not applied yet;
   * the damaged file was copied to {@code keptAs}.
   */
  record Damage(Path segment, long at, long bytes, long firstLost, long lastLost, long unappliedLost,
      Path keptAs) {
    long recordsLost() {
      return Math.max(0, lastLost - firstLost + 1);
    }
  }

  /** A log whose segments are used for appending for as long as they have room. */
  LogSegments(Path dir, long segmentBytes) {
    this(dir, segmentBytes, Duration.ofDays(365_000), Clock.systemUTC());
  }

  LogSegments(Path dir, long segmentBytes, Duration maxAge, Clock clock) {
    if (segmentBytes <= 0 || maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("segment size and age must be positive: " + segmentBytes + ", " + maxAge);
    }
    this.dir = dir;
    this.segmentBytes = segmentBytes;
    this.maxAge = maxAge;
    this.clock = clock;
    this.reader = new SegmentReader(dir, clock);
    try {
      Files.createDirectories(dir);
      try (Stream<Path> files = Files.list(dir)) {
        files.forEach(f -> {
          Matcher name = SEGMENT_NAME.matcher(f.getFileName().toString());
          if (name.matches()) {
            segments.put(Long.parseLong(name.group(1)), f);
          }
        });
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the ingest log in " + dir, e);
    }
  }

  /** What recovery found after the applied mark: how many records, and the last one's number. */
  record Unapplied(long records, long lastSeq) {
  }

  /**
   * Checks every segment and positions the log for appending: the next record is numbered
   * after every record, every segment name and {@code appliedSeq}. Damage found on the way is
   * recovered from as far as the framing allows (see the class). Returns what was found after
   * {@code appliedSeq} ({@code lastSeq} is {@code appliedSeq} if nothing); {@link #records}
   * reads it back. One segment is held in memory at a time.
   */
  synchronized Unapplied recover(long appliedSeq) {
    if (nextSeq > 0) {
      throw new IllegalStateException("the ingest log was already recovered");
    }
    long records = 0;
    long lastUnapplied = appliedSeq;
    long last = 0;
    for (Map.Entry<Long, Path> segment : segments.entrySet()) {
      Long nextFirst = segments.higherKey(segment.getKey());
      SegmentReader.Read read = reader.read(segment.getValue(), segment.getKey(), last, appliedSeq, nextFirst, damage);
      last = read.lastSeq();
      records += read.unapplied();
      lastUnapplied = read.unapplied() > 0 ? read.lastUnapplied() : lastUnapplied;
    }
    nextSeq = Math.max(Math.max(last, appliedSeq) + 1, segments.isEmpty() ? 1 : segments.lastKey());
    return new Unapplied(records, lastUnapplied);
  }

  /**
   * Reads back, one record at a time, the records after {@code after} in the segments found on
   * start, once {@link #recover} has checked them. The reader must be closed.
   */
  synchronized SegmentRecords records(long after) {
    if (nextSeq == 0) {
      throw new IllegalStateException("the ingest log must be recovered before it is read");
    }
    List<Path> holding = new ArrayList<>();
    segments.forEach((first, file) -> {
      Long nextFirst = segments.higherKey(first);
      if (nextFirst == null || nextFirst - 1 > after) {
        holding.add(file);
      }
    });
    return new SegmentRecords(holding, after);
  }

  /** The damage found on recovery, oldest first. */
  synchronized List<Damage> damage() {
    return List.copyOf(damage);
  }

  /**
   * Appends records, makes them durable and returns the sequence number of the last one. If
   * it throws, the records are not in the log and their sequence numbers will be used again.
   */
  synchronized long append(List<byte[]> payloads) throws IOException {
    if (nextSeq == 0) {
      throw new IllegalStateException("the ingest log must be recovered before appending");
    }
    if (broken != null) {
      throw new IOException("the ingest log could not undo an earlier failed write", broken);
    }
    if (payloads.isEmpty()) {
      return nextSeq - 1;
    }
    if (current == null || !current.isOpen() || current.size() >= segmentBytes || currentExpired()) {
      roll(); // a channel closed by a failure before writing anything leaves its file whole
    }
    ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(
        payloads.stream().mapToLong(p -> HEADER + (long) p.length).sum()));
    long seq = nextSeq;
    for (byte[] payload : payloads) {
      buffer.putInt(payload.length).putLong(seq).putInt(crc(seq, payload)).put(payload);
      seq++;
    }
    buffer.flip();
    long start = current.size();
    try {
      current.position(start);
      while (buffer.hasRemaining()) {
        current.write(buffer);
      }
      current.force(false);
    } catch (IOException | RuntimeException e) {
      undo(start, e);
      throw e;
    }
    nextSeq = seq;
    return seq - 1;
  }

  /**
   * Deletes segments holding only records up to {@code appliedSeq}. The last segment goes too
   * once it is no longer appended to: found on start, or used for {@code maxAge}; the next
   * append starts a new one.
   */
  synchronized void deleteThrough(long appliedSeq) {
    while (!segments.isEmpty()) {
      Map.Entry<Long, Path> oldest = segments.firstEntry();
      Long nextFirst = segments.higherKey(oldest.getKey());
      if (nextFirst == null) {
        if (nextSeq == 0 || nextSeq - 1 > appliedSeq || (current != null && !currentExpired())) {
          return;
        }
        closeCurrent();
      } else if (nextFirst - 1 > appliedSeq) {
        return;
      }
      try {
        Files.deleteIfExists(oldest.getValue());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete applied log segment " + oldest.getValue(), e);
      }
      segments.remove(oldest.getKey());
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (current != null) {
      try {
        current.force(false);
      } finally {
        current.close();
        current = null;
      }
    }
  }

  private boolean currentExpired() {
    return currentSince != null && !clock.instant().isBefore(currentSince.plus(maxAge));
  }

  /** Stops appending to the open segment, whose records were made durable already. */
  private void closeCurrent() {
    if (current != null) {
      try {
        current.close();
      } catch (IOException e) {
        LOG.debug("closing log segment", e);
      }
      current = null;
      currentSince = null;
    }
  }

  /** Cuts a failed batch off the end of the open segment, so no later batch follows it. */
  private void undo(long start, Exception cause) {
    try {
      current.truncate(start);
      current.position(start);
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(e);
      broken = e instanceof IOException io ? io : new IOException(e);
    }
  }

  /** Starts a new segment named after the next record; the full one was made durable already. */
  private void roll() throws IOException {
    closeCurrent();
    Path file = dir.resolve(String.format("%020d.log", nextSeq));
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      channel.position(channel.size());
      forceDirectory(dir);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    segments.put(nextSeq, file);
    current = channel;
    currentSince = clock.instant();
  }

  /** Makes a new file's name durable, where the platform lets a directory be opened. */
  static void forceDirectory(Path dir) throws IOException {
    FileChannel directory;
    try {
      directory = FileChannel.open(dir, StandardOpenOption.READ);
    } catch (IOException e) {
      LOG.debug("cannot open {} to make a new segment's name durable", dir, e);
      return;
    }
    try (directory) {
      directory.force(true);
    }
  }

  static int crc(long seq, byte[] payload) {
    return crc(seq, payload, payload.length);
  }

  /** The checksum of a record numbered {@code seq} whose payload is the first {@code length} bytes of {@code payload}. */
  static int crc(long seq, byte[] payload, int length) {
    CRC32 crc = new CRC32();
    crc.update(ByteBuffer.allocate(8).putLong(0, seq));
    crc.update(payload, 0, length);
    return (int) crc.getValue();
  }
}
