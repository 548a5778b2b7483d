package io.spoor;

/** A request, or a part of it, over a size limit: answered 413. */
public class TooLargeException extends SpoorException {
  public TooLargeException(String message) {
    super(message);
  }
}
