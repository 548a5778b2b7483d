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
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The files of the local ingest log: numbered records ({@code length, sequence, CRC-32,
 * payload}) appended to segment files named by their first sequence number. A record is
 * durable once {@link #force()} returned after it was appended. On open, a torn record at the
 * very end (a write cut by a crash, never acknowledged) is cut off; damage anywhere else
 * stops the start-up rather than skip acknowledged hits silently.
 */
final class LogSegments implements AutoCloseable {
  private static final int HEADER = 4 + 8 + 4;
  private static final String SUFFIX = ".log";

  private final Path dir;
  private final long segmentBytes;
  private final TreeMap<Long, Path> segments = new TreeMap<>();
  private FileChannel current;
  private long nextSeq;

  /** A record read back: its sequence number and payload. */
  record Record(long seq, byte[] payload) {
  }

  LogSegments(Path dir, long segmentBytes) {
    this.dir = dir;
    this.segmentBytes = segmentBytes;
    try {
      Files.createDirectories(dir);
      try (Stream<Path> files = Files.list(dir)) {
        files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).forEach(f -> segments.put(
            Long.parseLong(f.getFileName().toString().replace(SUFFIX, "")), f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the ingest log in " + dir, e);
    }
  }

  /** Reads every record after {@code appliedSeq} and positions the log for appending. */
  List<Record> recover(long appliedSeq) {
    List<Record> records = new ArrayList<>();
    long last = appliedSeq;
    for (Map.Entry<Long, Path> segment : segments.entrySet()) {
      boolean isLast = segment.getKey().equals(segments.lastKey());
      last = Math.max(last, read(segment.getValue(), appliedSeq, records, isLast));
    }
    nextSeq = last + 1;
    openForAppend();
    return records;
  }

  /** Appends records (not yet durable) and returns the sequence number of the last one. */
  long append(List<byte[]> payloads) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(payloads.stream().mapToInt(p -> HEADER + p.length).sum());
    for (byte[] payload : payloads) {
      long seq = nextSeq++;
      buffer.putInt(payload.length).putLong(seq).putInt(crc(seq, payload)).put(payload);
    }
    buffer.flip();
    while (buffer.hasRemaining()) {
      current.write(buffer);
    }
    long lastSeq = nextSeq - 1;
    if (current.size() >= segmentBytes) {
      current.force(false);
      current.close();
      openForAppend();
    }
    return lastSeq;
  }

  /** Makes everything appended so far durable. */
  void force() throws IOException {
    current.force(false);
  }

  /** Deletes segments holding only records up to {@code appliedSeq}; never the open one. */
  void deleteThrough(long appliedSeq) {
    while (segments.size() > 1) {
      Map.Entry<Long, Path> oldest = segments.firstEntry();
      Long nextFirst = segments.higherKey(oldest.getKey());
      if (nextFirst == null || nextFirst - 1 > appliedSeq) {
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
  public void close() throws IOException {
    if (current != null) {
      current.force(false);
      current.close();
    }
  }

  private void openForAppend() {
    Path file = segments.isEmpty() || sizeOf(segments.lastEntry().getValue()) >= segmentBytes
        ? dir.resolve(String.format("%020d%s", nextSeq, SUFFIX)) : segments.lastEntry().getValue();
    try {
      current = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      current.position(current.size());
      segments.putIfAbsent(Long.parseLong(file.getFileName().toString().replace(SUFFIX, "")), file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open log segment " + file, e);
    }
  }

  /** Reads one segment; returns the last sequence number seen in it. */
  private static long read(Path file, long after, List<Record> into, boolean isLast) {
    long last = 0;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer all = ByteBuffer.allocate((int) channel.size());
      while (all.hasRemaining() && channel.read(all) >= 0) {
        // read the whole segment
      }
      all.flip();
      while (all.remaining() > 0) {
        int start = all.position();
        if (all.remaining() < HEADER || !intact(all)) {
          if (!isLast) {
            throw new IllegalStateException("ingest log segment " + file + " is damaged at byte " + start);
          }
          channel.truncate(start);
          channel.force(true);
          break;
        }
        int length = all.getInt();
        long seq = all.getLong();
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

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
