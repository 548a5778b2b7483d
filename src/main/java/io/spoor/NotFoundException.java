package io.spoor;

/** The named object does not exist in the caller's portal: answered 404 OBJECT_NOT_FOUND. */
public class NotFoundException extends SpoorException {
  private final String id;

  public NotFoundException(String message, String id) {
    super(message);
    this.id = id;
  }

  public String id() {
    return id;
  }
}
