package io.spoor.crm;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Email addresses as contact keys: trimmed, lowercased, and plausibly deliverable. */
public final class Emails {
  private static final Pattern SHAPE = Pattern.compile(
      "[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
          + "(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\\.[a-z]{2,63}");

  private Emails() {
  }

  /** The canonical form of an address, or empty when it is not an email address. */
  public static Optional<String> normalize(String raw) {
    String trimmed = raw.trim();
    // checked before lowercasing: some non-ASCII letters lowercase to ASCII ones (K, the Kelvin sign)
    if (trimmed.chars().anyMatch(c -> c >= 0x80)) {
      return Optional.empty();
    }
    String email = trimmed.toLowerCase(Locale.ROOT);
    if (email.length() > 254 || !SHAPE.matcher(email).matches() || email.contains("..")
        || email.startsWith(".") || email.contains(".@")) {
      return Optional.empty();
    }
    return Optional.of(email);
  }
}
