package io.spoor.store;

import io.spoor.UnavailableException;

/** The database could not be reached or refused a statement. Retriable by the caller (answered 503). */
public final class StoreException extends UnavailableException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
