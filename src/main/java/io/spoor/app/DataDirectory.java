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
 * owner only (0700, files 0600, folders inside 0700), on creation and again at every start,
 * so a directory made by an older version or copied with other modes is closed too. Files
 * created later inside it are out of other users' reach through the directory's mode. On a
 * file system without POSIX modes nothing is changed.
 */
final class DataDirectory {
  private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

  private DataDirectory() {
  }

  static void prepare(Path dir) {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    try {
      if (posix && !Files.exists(dir)) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
      } else {
        Files.createDirectories(dir);
      }
      if (posix) {
        try (Stream<Path> all = Files.walk(dir)) {
          for (Path path : (Iterable<Path>) all::iterator) {
            if (!Files.isSymbolicLink(path)) {
              Files.setPosixFilePermissions(path, Files.isDirectory(path) ? OWNER_DIRECTORY : OWNER_FILE);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create or protect the data directory " + dir, e);
    }
  }
}
