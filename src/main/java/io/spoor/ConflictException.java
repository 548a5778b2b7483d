package io.spoor;

/** The write collides with an existing object: answered 409 CONFLICT. */
public class ConflictException extends SpoorException {
  public ConflictException(String message) {
    super(message);
  }
}
