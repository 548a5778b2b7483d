package io.spoor;

/**
 * Root of every exception Spoor throws on purpose. Subclasses live in the package that
 * throws them and are named for what failed; the HTTP error mapper turns them into
 * HubSpot's error JSON. {@link #getMessage()} is safe to show a client; anything internal
 * goes to the log through the cause.
 */
public abstract class SpoorException extends RuntimeException {
  protected SpoorException(String message) {
    super(message);
  }

  protected SpoorException(String message, Throwable cause) {
    super(message, cause);
  }
}
