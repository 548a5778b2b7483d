package io.spoor;

import java.util.Optional;
import java.util.regex.Pattern;

/** Numeric ids (objects, hub ids, cursors) as they come in text: 1 to 18 ASCII digits, so always a long. */
public final class Ids {
  private static final Pattern ID = Pattern.compile("\\d{1,18}");

  private Ids() {
  }

  /** The id the text is, exactly; empty when it is anything else (signs, spaces, other digits). */
  public static Optional<Long> parse(String text) {
    return ID.matcher(text).matches() ? Optional.of(Long.parseLong(text)) : Optional.empty();
  }
}
