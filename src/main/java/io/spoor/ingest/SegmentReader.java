package io.spoor.ingest;

import static io.spoor.ingest.LogSegments.HEADER;

import io.spoor.ingest.LogSegments.Damage;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the segments of {@link LogSegments} back on recovery: tells a torn tail from damage,
 * finds the records after damage again by their framing, copies a damaged segment to
 * {@code damaged/} and rewrites it with its whole records, and logs what was lost.
 */
final class SegmentReader {
  // logs under LogSegments, the name operators know the log's files by
  private static final Logger LOG = LoggerFactory.getLogger(LogSegments.class);

  private static final int READ_BUFFER = 64 * 1024;

  private final Path dir;
  private final Clock clock;

  /**
   * What reading a segment found: the last sequence number seen so far in the log, and the
   * records after the applied mark in the segment, with the last one's number (the mark's if
   * none).
   */
  record Read(long lastSeq, long unapplied, long lastUnapplied) {
  }

  SegmentReader(Path dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
  }

  /**
   * Reads one segment: returns the last sequence number seen so far in the log, and how many
   * records after {@code after} it holds. {@code nextFirst} names the next segment (null for
   * the last one). A segment whose records are all whole and in order is checked as a stream,
   * a read buffer at a time; only one with bad bytes is read whole, to recover from them. A
   * record that is not whole, fails its checksum or does not follow the one before is bad: with a valid record after it, in a segment that is not the last, or where
   * records already applied should be, it is damage (recovered from and reported); otherwise a
   * torn tail, cut off. Damage found is added to {@code damage}.
   */
  Read read(Path file, long firstSeq, long previous, long after, Long nextFirst, List<Damage> damage) {
    Read clean = readClean(file, firstSeq, previous, after);
    return clean != null ? clean : recover(file, firstSeq, previous, after, nextFirst, damage);
  }

  /** {@link #read} of a segment with bad bytes, held whole: recovered from as the class says. */
  private Read recover(Path file, long firstSeq, long previous, long after, Long nextFirst, List<Damage> damage) {
    long last = previous;
    long unapplied = 0;
    long lastUnapplied = after;
    List<Damage> found = new ArrayList<>();
    List<int[]> whole = new ArrayList<>(); // byte ranges of the records kept
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(channel.size()));
      while (all.hasRemaining() && channel.read(all) >= 0) {
        // read the whole segment
      }
      all.flip();
      int at = 0;
      int end = all.limit();
      while (at < end) {
        if (!intact(all, at, last, firstSeq, Long.MAX_VALUE)) {
          int next = nextIntact(all, at, last, firstSeq);
          long applied = Math.max(last, firstSeq - 1);
          if (next < 0 && nextFirst == null && applied < after) {
            // records up to the applied mark were acknowledged: a crash cannot have torn them
            found.add(new Damage(file, at, end - at, applied + 1, after, 0, null));
            end = at;
            break;
          }
          if (next < 0 && nextFirst == null) {
            if (found.isEmpty()) {
              LOG.warn("cutting {} bytes of an incomplete write off the end of {}", end - at, file);
              channel.truncate(at);
              channel.force(true);
            } else {
              LOG.warn("dropping {} bytes of an incomplete write at the end of {}", end - at, file);
            }
            end = at;
            break;
          }
          long lastLost = next < 0 ? nextFirst - 1 : all.getLong(next + 4) - 1;
          found.add(new Damage(file, at, (next < 0 ? end : next) - at, last + 1, lastLost,
              Math.max(0, lastLost - Math.max(last + 1, after + 1) + 1), null));
          if (next < 0) {
            break;
          }
          at = next;
        }
        int length = all.getInt(at);
        long seq = all.getLong(at + 4);
        if (seq > after) {
          unapplied++;
          lastUnapplied = seq;
        }
        whole.add(new int[] {at, HEADER + length});
        last = seq;
        at += HEADER + length;
      }
      if (!found.isEmpty()) {
        Path keptAs = quarantine(file, all, whole);
        for (Damage d : found) {
          damage.add(new Damage(d.segment(), d.at(), d.bytes(), d.firstLost(), d.lastLost(), d.unappliedLost(),
              keptAs));
        }
        report(file, found, keptAs);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read log segment " + file, e);
    }
    return new Read(last, unapplied, lastUnapplied);
  }

  /**
   * {@link #read} of a segment read as a stream, if every record in it is whole, checks out
   * and follows the one before up to its very end; null if not (nothing was changed).
   */
  private static Read readClean(Path file, long firstSeq, long previous, long after) {
    long last = previous;
    long unapplied = 0;
    long lastUnapplied = after;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel),
            READ_BUFFER))) {
      long left = channel.size();
      byte[] payload = new byte[0];
      while (left > 0) {
        if (left < HEADER) {
          return null;
        }
        int length = in.readInt();
        long seq = in.readLong();
        int checksum = in.readInt();
        if (length < 0 || length > left - HEADER || seq <= last || seq < firstSeq) {
          return null;
        }
        if (payload.length < length) {
          payload = new byte[Math.max(length, 2 * payload.length)];
        }
        in.readFully(payload, 0, length);
        if (LogSegments.crc(seq, payload, length) != checksum) {
          return null;
        }
        if (seq > after) {
          unapplied++;
          lastUnapplied = seq;
        }
        last = seq;
        left -= HEADER + length;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read log segment " + file, e);
    }
    return new Read(last, unapplied, lastUnapplied);
  }

  /** Logs the damage found in one segment: in all, then span by span (the first few). */
  private static void report(Path file, List<Damage> found, Path keptAs) {
    LOG.error("ingest log segment {} is damaged: {} bad spans ({} bytes) where {} records were, {} of them "
        + "acknowledged hits not yet applied, now lost; the records after the damage were recovered and the "
        + "damaged file is kept as {}", file, found.size(), found.stream().mapToLong(Damage::bytes).sum(),
        found.stream().mapToLong(Damage::recordsLost).sum(), found.stream().mapToLong(Damage::unappliedLost).sum(),
        keptAs);
    int shown = Math.min(found.size(), 10);
    for (Damage d : found.subList(0, shown)) {
      LOG.error("damaged span of {}: {} bytes at byte {}, where records {} to {} were", file, d.bytes(), d.at(),
          d.firstLost(), d.lastLost());
    }
    if (found.size() > shown) {
      LOG.error("{} more damaged spans in {}", found.size() - shown, file);
    }
  }

  /**
   * Copies a damaged segment to {@code damaged/}, then replaces it, atomically, with its whole
   * records only, so the next start reads it cleanly. Returns the copy.
   */
  private Path quarantine(Path file, ByteBuffer all, List<int[]> whole) throws IOException {
    Path damagedDir = dir.resolve(LogSegments.DAMAGED_DIR);
    Files.createDirectories(damagedDir);
    Path keptAs = damagedDir.resolve(file.getFileName() + "." + clock.millis());
    for (int n = 1; Files.exists(keptAs); n++) {
      keptAs = damagedDir.resolve(file.getFileName() + "." + clock.millis() + "-" + n);
    }
    writeDurably(keptAs, all.duplicate().position(0).limit(all.capacity()));
    ByteBuffer clean = ByteBuffer.allocate(whole.stream().mapToInt(r -> r[1]).sum());
    for (int[] r : whole) {
      clean.put(all.duplicate().position(r[0]).limit(r[0] + r[1]));
    }
    clean.flip();
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    writeDurably(temp, clean);
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    LogSegments.forceDirectory(dir);
    return keptAs;
  }

  private static void writeDurably(Path file, ByteBuffer content) throws IOException {
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      while (content.hasRemaining()) {
        out.write(content);
      }
      out.force(true);
    }
  }

  /**
   * The offset of the first intact record after the bad one at {@code bad}, or -1. Records
   * in between take at least a header each, which bounds the sequence number a real one can
   * carry there.
   */
  private static int nextIntact(ByteBuffer all, int bad, long last, long firstSeq) {
    for (int at = bad + 1; at + HEADER <= all.limit(); at++) {
      if (intact(all, at, last, firstSeq, last + 1 + (at - bad) / HEADER)) {
        return at;
      }
    }
    return -1;
  }

  /**
   * Whether a whole record numbered after {@code last}, from {@code firstSeq} and up to
   * {@code maxSeq}, with a matching checksum starts at {@code at}.
   */
  private static boolean intact(ByteBuffer all, int at, long last, long firstSeq, long maxSeq) {
    if (all.limit() - at < HEADER) {
      return false;
    }
    long seq = all.getLong(at + 4);
    int length = all.getInt(at);
    if (seq <= last || seq < firstSeq || seq > maxSeq || length < 0 || length > all.limit() - at - HEADER) {
      return false;
    }
    CRC32 crc = new CRC32();
    crc.update(all.duplicate().position(at + 4).limit(at + 12));
    crc.update(all.duplicate().position(at + HEADER).limit(at + HEADER + length));
    return (int) crc.getValue() == all.getInt(at + 12);
  }
}
