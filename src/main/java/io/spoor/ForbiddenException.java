package io.spoor;

/** The caller is known but may not do this: answered 403 FORBIDDEN. */
public class ForbiddenException extends SpoorException {
  public ForbiddenException(String message) {
    super(message);
  }
}
