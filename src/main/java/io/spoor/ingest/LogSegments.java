package io.spoor.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * payload}) appended to segment files named by the first sequence number they may hold.
 * Sequence numbers only grow, across segments and across restarts. {@link #append} returns
 * once the records are durable; if it fails, none of them stays in the file. On recovery, a
 * torn record at the end of the last segment (a write cut by a crash, never acknowledged) is
 * cut off with everything after it; damage in any other segment stops the start-up rather
 * than skip acknowledged hits silently. Other files in the directory are left alone.
 */
final class LogSegments implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LogSegments.class);
  private static final int HEADER = 4 + 8 + 4;
  private static final Pattern SEGMENT_NAME = Pattern.compile("(\\d{20})\\.log");

  private final Path dir;
  private final long segmentBytes;
  private final TreeMap<Long, Path> segments = new TreeMap<>();
  private FileChannel current;
  /** The sequence number of the next record; 0 until {@link #recover} ran. */
  private long nextSeq;
  /** Set when a failed append could not be undone: the file may hold a partial batch. */
  private IOException broken;

  /** A record read back: its sequence number and payload. */
  record Record(long seq, byte[] payload) {
  }

  LogSegments(Path dir, long segmentBytes) {
    if (segmentBytes <= 0) {
      throw new IllegalArgumentException("segment size must be positive: " + segmentBytes);
    }
    this.dir = dir;
    this.segmentBytes = segmentBytes;
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

  /**
   * Reads every record after {@code appliedSeq} and positions the log for appending: the
   * next record is numbered after every record, every segment name and {@code appliedSeq}.
   */
  synchronized List<Record> recover(long appliedSeq) {
    if (nextSeq > 0) {
      throw new IllegalStateException("the ingest log was already recovered");
    }
    List<Record> records = new ArrayList<>();
    long last = 0;
    for (Map.Entry<Long, Path> segment : segments.entrySet()) {
      boolean isLast = segment.getKey().equals(segments.lastKey());
      last = read(segment.getValue(), segment.getKey(), last, appliedSeq, records, isLast);
    }
    nextSeq = Math.max(Math.max(last, appliedSeq) + 1, segments.isEmpty() ? 1 : segments.lastKey());
    if (!segments.isEmpty()) {
      Path file = segments.lastEntry().getValue();
      try {
        current = FileChannel.open(file, StandardOpenOption.WRITE);
        current.position(current.size());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open log segment " + file, e);
      }
    }
    return records;
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
    if (current == null || !current.isOpen() || current.size() >= segmentBytes) {
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

  /** Deletes segments holding only records up to {@code appliedSeq}; never the last one. */
  synchronized void deleteThrough(long appliedSeq) {
    while (segments.size() > 1) {
      Map.Entry<Long, Path> oldest = segments.firstEntry();
      long nextFirst = segments.higherKey(oldest.getKey());
      if (nextFirst - 1 > appliedSeq) {
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
    if (current != null) {
      current.close();
      current = null;
    }
    Path file = dir.resolve(String.format("%020d.log", nextSeq));
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      channel.position(channel.size());
      forceDirectory();
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    segments.put(nextSeq, file);
    current = channel;
  }

  /** Makes a new file's name durable, where the platform lets a directory be opened. */
  private void forceDirectory() throws IOException {
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

  /**
   * Reads one segment into {@code into} (records after {@code after} only); returns the last
   * sequence number seen so far in the log. In the last segment, the first record that is not
   * whole, fails its checksum or does not follow the one before marks a torn tail, cut off.
   */
  private static long read(Path file, long firstSeq, long previous, long after, List<Record> into,
      boolean isLast) {
    long last = previous;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(channel.size()));
      while (all.hasRemaining() && channel.read(all) >= 0) {
        // read the whole segment
      }
      all.flip();
      while (all.remaining() > 0) {
        int start = all.position();
        long seq = all.remaining() >= HEADER ? all.getLong(start + 4) : -1;
        if (all.remaining() < HEADER || !intact(all) || seq <= last || seq < firstSeq) {
          if (!isLast) {
            throw new IllegalStateException("ingest log segment " + file + " is damaged at byte " + start);
          }
          LOG.warn("cutting {} bytes of an incomplete write off the end of {}", all.limit() - start, file);
          channel.truncate(start);
          channel.force(true);
          break;
        }
        int length = all.getInt();
        all.getLong();
        all.getInt();
        byte[] payload = new byte[length];
        all.get(payload);
        last = seq;
        if (seq > after) {
          into.add(new Record(seq, payload));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read log segment " + file, e);
    }
    return last;
  }

  /** Whether a whole record with a matching checksum starts at the buffer's position. */
  private static boolean intact(ByteBuffer all) {
    int at = all.position();
    int length = all.getInt(at);
    if (length < 0 || length > all.remaining() - HEADER) {
      return false;
    }
    byte[] payload = new byte[length];
    all.get(at + HEADER, payload);
    return crc(all.getLong(at + 4), payload) == all.getInt(at + 12);
  }

  private static int crc(long seq, byte[] payload) {
    CRC32 crc = new CRC32();
    crc.update(ByteBuffer.allocate(8).putLong(0, seq));
    crc.update(payload);
    return (int) crc.getValue();
  }
}
