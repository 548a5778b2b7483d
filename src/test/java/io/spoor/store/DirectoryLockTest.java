package io.spoor.store;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Servers share a data directory's lock; a migration holds it alone. */
class DirectoryLockTest {
  @Test
  void aMigrationCannotTakeTheLockWhileAnyServerHoldsItsShare() throws IOException {
    Path dir = Files.createTempDirectory("spoor-lock");
    try (DirectoryLock first = DirectoryLock.shared(dir); DirectoryLock second = DirectoryLock.shared(dir)) {
      first.close();
      assertTrue(DirectoryLock.exclusive(dir).isEmpty(), "the second server still holds its share");
    }
    Optional<DirectoryLock> alone = DirectoryLock.exclusive(dir);
    assertTrue(alone.isPresent(), "the last server to stop freed the lock");
    alone.get().close();
  }

  @Test
  void aServerDoesNotStartWhileAMigrationHoldsTheLock() throws IOException {
    Path dir = Files.createTempDirectory("spoor-lock");
    try (DirectoryLock migration = DirectoryLock.exclusive(dir).orElseThrow()) {
      DirectoryLock.DirectoryBusyException busy = assertThrows(DirectoryLock.DirectoryBusyException.class,
          () -> DirectoryLock.shared(dir));
      assertTrue(busy.getMessage().contains("being copied by spoor migrate"), busy.getMessage());
      assertTrue(DirectoryLock.exclusive(dir).isEmpty(), "one migration at a time");
    }
    DirectoryLock.shared(dir).close();
  }
}
