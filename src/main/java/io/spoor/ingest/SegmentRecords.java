package io.spoor.ingest;

import io.spoor.ingest.LogSegments.Record;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.List;

/**
 * The records of {@link LogSegments} after a sequence number, read back one at a time from
 * segments that recovery has already checked (torn tails cut, damaged files rewritten whole):
 * it holds one record and a read buffer, not the segments. Applied segments may be deleted
 * behind it, never the one it reads or those after. A record that no longer checks out means
 * the files changed since recovery: reading fails, and the next start recovers again.
 */
final class SegmentRecords implements AutoCloseable {
  private static final int READ_BUFFER = 64 * 1024;

  private final Iterator<Path> files;
  private final long after;
  private DataInputStream in;
  private Path file;
  private long last;

  /** Reads {@code segments} (in log order) for the records numbered after {@code after}. */
  SegmentRecords(List<Path> segments, long after) {
    this.files = segments.iterator();
    this.after = after;
    this.last = after;
  }

  /** The next record, or null after the last one. */
  Record next() {
    try {
      while (true) {
        if (in == null && !open()) {
          return null;
        }
        Record record = read();
        if (record == null) {
          closeFile();
        } else if (record.seq() > after) {
          return record;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read log segment " + file, e);
    }
  }

  @Override
  public void close() {
    closeFile();
  }

  private boolean open() throws IOException {
    if (!files.hasNext()) {
      return false;
    }
    file = files.next();
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), READ_BUFFER));
    return true;
  }

  /** The next record of the open segment (skipping the payload of one applied already), or null at its end. */
  private Record read() throws IOException {
    int length;
    try {
      length = in.readInt();
    } catch (EOFException end) {
      return null;
    }
    long seq = in.readLong();
    int checksum = in.readInt();
    if (length < 0 || seq <= 0) {
      throw changed(seq);
    }
    if (seq <= after) {
      in.skipNBytes(length);
      return new Record(seq, null);
    }
    byte[] payload = new byte[length];
    in.readFully(payload);
    if (LogSegments.crc(seq, payload) != checksum || seq <= last) {
      throw changed(seq);
    }
    last = seq;
    return new Record(seq, payload);
  }

  private IOException changed(long seq) {
    return new IOException("record " + seq + " of " + file + " no longer checks out: the file changed since "
        + "it was recovered");
  }

  private void closeFile() {
    if (in != null) {
      try {
        in.close();
      } catch (IOException e) {
        // read only: nothing is lost
      }
      in = null;
    }
  }
}
