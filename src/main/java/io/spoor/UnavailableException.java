package io.spoor;

/**
 * The retriable family: Spoor could not take the request now (the store did not answer, the
 * ingest log is full or shutting down), and the same request may succeed a moment later. The
 * HTTP error mapper answers 503 with {@code Retry-After}. Subclasses live in the package that
 * throws them.
 */
public abstract class UnavailableException extends SpoorException {
  protected UnavailableException(String message) {
    super(message);
  }

  protected UnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /** What the client is told; the message itself (logged) only where a subclass says it is fit to show. */
  public String clientMessage() {
    return "Spoor cannot take this request now; retry after a second";
  }
}
