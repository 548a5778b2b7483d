package io.spoor.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far the applier got: the sequence number of the last applied log record and its CRC-32.
 * Written to a temporary file and renamed over the mark after every batch, without fsync (the
 * sink commits its own position with each in-order batch, so a mark lost in a crash only
 * makes the next start replay more, which the sink makes harmless). A crash can leave the old
 * mark, the new one, or an empty or zeroed file where the rename outlived the data: that is
 * read as no mark, with a warning. Anything else that fails the check is damage. A mark of
 * eight bytes without a checksum (older versions) is read too.
 */
final class AppliedMark {
  // logs under FileIngestLog, the name operators know the log by
  private static final Logger LOG = LoggerFactory.getLogger(FileIngestLog.class);
  private static final int OLD_SIZE = Long.BYTES;
  private static final int SIZE = Long.BYTES + Integer.BYTES;

  private final Path file;
  private final Path temp;
  private final ByteBuffer buffer = ByteBuffer.allocate(SIZE);

  AppliedMark(Path file) {
    this.file = file;
    this.temp = file.resolveSibling(file.getFileName() + ".tmp");
  }

  /** The saved mark, 0 if none was saved; empty if the file fails its check (damaged). */
  OptionalLong read() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return OptionalLong.of(0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (allZero(bytes)) {
      LOG.warn("the applied mark {} was not saved before a crash; resuming from the store's position", file);
      return OptionalLong.of(0);
    }
    ByteBuffer mark = ByteBuffer.wrap(bytes);
    if (bytes.length == OLD_SIZE && mark.getLong(0) >= 0) {
      return OptionalLong.of(mark.getLong(0));
    }
    if (bytes.length == SIZE && mark.getLong(0) >= 0 && crc(mark.getLong(0)) == mark.getInt(Long.BYTES)) {
      return OptionalLong.of(mark.getLong(0));
    }
    return OptionalLong.empty();
  }

  /** The file the mark is kept in. */
  Path file() {
    return file;
  }

  synchronized void write(long seq) {
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      buffer.clear();
      buffer.putLong(seq).putInt(crc(seq)).flip();
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + temp, e);
    }
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot replace " + file, e);
    }
  }

  private static boolean allZero(byte[] bytes) {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static int crc(long seq) {
    CRC32 crc = new CRC32();
    crc.update(ByteBuffer.allocate(Long.BYTES).putLong(0, seq));
    return (int) crc.getValue();
  }
}
