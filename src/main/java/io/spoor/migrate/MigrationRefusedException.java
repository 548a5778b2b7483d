package io.spoor.migrate;

import io.spoor.SpoorException;

/** The migration did not start, or stopped, for a reason the user can act on; nothing of the source changed. */
final class MigrationRefusedException extends SpoorException {
  MigrationRefusedException(String message) {
    super(message);
  }

  MigrationRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
