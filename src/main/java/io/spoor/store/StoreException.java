package io.spoor.store;

import io.spoor.SpoorException;

/** The database could not be reached or refused a statement. Retriable by the caller. */
public final class StoreException extends SpoorException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
