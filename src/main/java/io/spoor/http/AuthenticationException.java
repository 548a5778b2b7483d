package io.spoor.http;

import io.spoor.SpoorException;

/** No valid credentials: answered 401 INVALID_AUTHENTICATION. */
public final class AuthenticationException extends SpoorException {
  public AuthenticationException(String message) {
    super(message);
  }
}
