package io.spoor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Only the owner can read the data directory and the files in it. */
class DataDirectoryTest {
  @Test
  void aNewDataDirectoryAndItsFilesAreTheOwnersOnly() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file modes");
    Path data = Files.createTempDirectory("spoor-modes").resolve("data");
    start(data);
    assertOwnerOnly(data);
  }

  @Test
  void anExistingOpenDataDirectoryIsClosedAtStart() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file modes");
    Path data = Files.createTempDirectory("spoor-modes").resolve("data");
    start(data);
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(data.resolve("spoor.db"), PosixFilePermissions.fromString("rw-r--r--"));
    start(data);
    assertOwnerOnly(data);
  }

  @Test
  void aStoreTheCommandLineMakesIsTheOwnersOnly() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file modes");
    Path data = Files.createTempDirectory("spoor-modes").resolve("data");
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);

    assertEquals(0, new Cli(quiet, quiet, Map.of(), Clock.systemUTC())
        .run(new String[] {"portal", "list", "--data", data.toString()}));

    assertOwnerOnly(data);
  }

  private static void start(Path data) {
    try (Spoor spoor = Spoor.start(Settings.load(Map.of("port", "0", "host", "127.0.0.1", "data", data.toString()),
        Map.of()), Clock.systemUTC())) {
      assertTrue(spoor.port() > 0);
    }
  }

  private static void assertOwnerOnly(Path data) throws Exception {
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
    assertTrue(Files.exists(data.resolve("spoor.db")));
    try (Stream<Path> all = Files.walk(data)) {
      for (Path path : (Iterable<Path>) all::iterator) {
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        assertEquals(Files.isDirectory(path) ? "rwx------" : "rw-------", mode, path.toString());
      }
    }
  }
}
