package io.spoor.http;

import io.spoor.SpoorException;

/** A body that is not JSON where JSON is required: answered 415. */
public final class UnsupportedContentTypeException extends SpoorException {
  public UnsupportedContentTypeException() {
    super("Content-Type must be application/json");
  }
}
