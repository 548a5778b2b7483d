package io.spoor.events;

import java.time.Instant;
import java.util.Optional;

/** A custom event. Deleted definitions are kept so a deleted dynamic name stays retired. */
public record EventDefinition(long id, long portalId, String name, Origin origin, long completions,
    Instant createdAt, Optional<Instant> deletedAt) {

  /** The longest event name; longer ones, and names with control characters, are refused. */
  public static final int MAX_NAME = 255;

  /** Whether {@code name} can name an event: 1 to {@link #MAX_NAME} characters, no control character. */
  public static boolean isValidName(String name) {
    return !name.isBlank() && name.length() <= MAX_NAME && name.chars().noneMatch(Character::isISOControl);
  }

  /** HubSpot shows event ids zero-padded to 12 digits, e.g. {@code 000000001625}. */
  public String displayId() {
    return String.format("%012d", id);
  }

  public boolean isDeleted() {
    return deletedAt.isPresent();
  }
}
