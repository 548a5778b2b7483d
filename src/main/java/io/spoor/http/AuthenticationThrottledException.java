package io.spoor.http;

import io.spoor.SpoorException;

/** The client's address failed to authenticate too often: answered 429 with Retry-After. */
public final class AuthenticationThrottledException extends SpoorException {
  private final long retryAfterSeconds;

  public AuthenticationThrottledException(long retryAfterSeconds) {
    super("Too many failed authentication attempts from this address; retry after " + retryAfterSeconds
        + " seconds.");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
