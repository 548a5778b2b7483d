package io.spoor.store;

import io.spoor.SpoorException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The lock on a data directory's file {@value #FILE}: every server holds it shared for as long as
 * it runs, so several may use one directory; {@code spoor migrate} holds it exclusively while it
 * copies the directory's store, so it copies only when no server runs, and no server starts while
 * it copies. The lock is the operating system's: it goes when the process ends, however it ends.
 * Within one process (tests run servers side by side) the holders share one lock, counted here,
 * because the operating system's lock belongs to the whole process.
 */
public final class DirectoryLock implements AutoCloseable {
  public static final String FILE = "spoor.lock";
  private static final Map<Path, Held> HELD = new HashMap<>();

  private final Path file;
  private boolean closed;

  private DirectoryLock(Path file) {
    this.file = file;
  }

  /** The server's share of the lock; refused while a migration holds it. */
  public static DirectoryLock shared(Path dir) {
    Path file = file(dir);
    synchronized (HELD) {
      Held held = HELD.get(file);
      if (held == null) {
        held = Held.take(file, true).orElseThrow(() -> new DirectoryBusyException(
            "the data directory " + dir + " is being copied by spoor migrate; start the server once it is done"));
        HELD.put(file, held);
      } else if (!held.shared) {
        throw new DirectoryBusyException(
            "the data directory " + dir + " is being copied by spoor migrate; start the server once it is done");
      }
      held.holders++;
      return new DirectoryLock(file);
    }
  }

  /** The lock for this process alone; empty while a server (here or in another process) holds it. */
  public static Optional<DirectoryLock> exclusive(Path dir) {
    Path file = file(dir);
    synchronized (HELD) {
      if (HELD.containsKey(file)) {
        return Optional.empty();
      }
      Optional<Held> held = Held.take(file, false);
      held.ifPresent(h -> {
        h.holders++;
        HELD.put(file, h);
      });
      return held.map(h -> new DirectoryLock(file));
    }
  }

  @Override
  public void close() {
    synchronized (HELD) {
      if (closed) {
        return;
      }
      closed = true;
      Held held = HELD.get(file);
      if (--held.holders == 0) {
        HELD.remove(file);
        held.release();
      }
    }
  }

  private static Path file(Path dir) {
    return dir.toAbsolutePath().normalize().resolve(FILE);
  }

  /** The operating system's lock, taken once per process and file. */
  private static final class Held {
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean shared;
    private int holders;

    private Held(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
      this.shared = lock.isShared();
    }

    static Optional<Held> take(Path file, boolean shared) {
      try {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock(0, Long.MAX_VALUE, shared);
        if (lock == null) {
          channel.close();
          return Optional.empty();
        }
        return Optional.of(new Held(channel, lock));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot lock " + file, e);
      }
    }

    void release() {
      try {
        lock.release();
        channel.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot unlock the data directory", e);
      }
    }
  }

  /** The data directory is held by a process that excludes this one. */
  public static final class DirectoryBusyException extends SpoorException {
    DirectoryBusyException(String message) {
      super(message);
    }
  }
}
