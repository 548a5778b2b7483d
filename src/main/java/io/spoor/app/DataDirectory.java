package io.spoor.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data directory holds tokens' hashes, contacts and raw hits: it is made readable by its
 * owner only (0700, files 0600, folders inside 0700): {@link #create} makes it so before
 * anything is written there, and {@link #protect}, once per start after the store and the log
 * have opened their files, closes everything inside it, so a directory made by an older version
 * or copied with other modes is closed too. Files created later inside it are out of other
 * users' reach through the directory's mode. On a file system without POSIX modes nothing is
 * changed.
 */
final class DataDirectory {
  private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

  private DataDirectory() {
  }

  /** Makes the directory if it is missing, its owner's only from the start; walks nothing. */
  static void create(Path dir) {
    try {
      if (posix() && !Files.exists(dir)) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
      } else {
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dir, e);
    }
  }

  /** Gives the directory and everything in it (links aside) the owner-only modes. */
  static void protect(Path dir) {
    if (!posix()) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) all::iterator) {
        if (!Files.isSymbolicLink(path)) {
          Files.setPosixFilePermissions(path, Files.isDirectory(path) ? OWNER_DIRECTORY : OWNER_FILE);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot protect the data directory " + dir, e);
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
