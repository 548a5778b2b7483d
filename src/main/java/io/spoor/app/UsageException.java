package io.spoor.app;

import io.spoor.SpoorException;

/** A command line that cannot be run as given. */
final class UsageException extends SpoorException {
  UsageException(String message) {
    super(message);
  }
}
