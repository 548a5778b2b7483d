package io.spoor;

/** The named object does not exist in the caller's portal: answered 404 OBJECT_NOT_FOUND. */
public class NotFoundException extends SpoorException {
  private final String id;

  public NotFoundException(String message, String id) {
    super(message);
    this.id = id;
  }

  /** HubSpot's answer for a CRM object id (or unique value) that names nothing. */
  public static NotFoundException object(String id) {
    return new NotFoundException("Object not found.  objectId are usually numeric.", id);
  }

  public String id() {
    return id;
  }
}
