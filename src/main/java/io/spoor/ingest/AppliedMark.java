package io.spoor.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * How far the applier got: the sequence number of the last applied log record. Written
 * without fsync after every batch: the sink commits its own position with each in-order
 * batch, and a mark lost in a crash only makes the next start replay more, which the sink
 * makes harmless.
 */
final class AppliedMark {
  private final Path file;
  private final ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES);

  AppliedMark(Path file) {
    this.file = file;
  }

  long read() {
    try {
      byte[] bytes = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
      return bytes.length == Long.BYTES ? Math.max(0, ByteBuffer.wrap(bytes).getLong()) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  void write(long seq) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      buffer.clear();
      buffer.putLong(seq).flip();
      channel.write(buffer, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
