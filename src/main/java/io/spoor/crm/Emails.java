package io.spoor.crm;

import java.util.Locale;
import java.util.Optional;

/**
 * Email addresses as contact keys: trimmed, lowercased, and plausibly deliverable. An address
 * is a local part of 1–64 characters from {@code a-z 0-9 .!#$%&'*+/=?^_`{|}~-} with no dot at
 * either end and no two dots together, an {@code @}, and a domain of at least two labels: each
 * 1–63 letters, digits and hyphens, not starting or ending with a hyphen, the last one 2–63
 * letters. At most 254 characters in all. Checked character by character: it runs for every
 * hit, twice.
 */
public final class Emails {
  private static final String LOCAL_SYMBOLS = ".!#$%&'*+/=?^_`{|}~-";
  private static final int MAX_LENGTH = 254;
  private static final int MAX_LOCAL = 64;
  private static final int MAX_LABEL = 63;

  private Emails() {
  }

  /** The canonical form of an address, or empty when it is not an email address. */
  public static Optional<String> normalize(String raw) {
    String trimmed = raw.trim();
    // checked before lowercasing: some non-ASCII letters lowercase to ASCII ones (K, the Kelvin sign)
    for (int i = 0; i < trimmed.length(); i++) {
      if (trimmed.charAt(i) >= 0x80) {
        return Optional.empty();
      }
    }
    String email = trimmed.toLowerCase(Locale.ROOT);
    int at = email.indexOf('@');
    if (email.length() > MAX_LENGTH || at < 1 || at > MAX_LOCAL
        || !isLocalPart(email, at) || !isDomain(email, at + 1)) {
      return Optional.empty();
    }
    return Optional.of(email);
  }

  private static boolean isLocalPart(String email, int end) {
    if (email.charAt(0) == '.' || email.charAt(end - 1) == '.') {
      return false;
    }
    for (int i = 0; i < end; i++) {
      char c = email.charAt(i);
      boolean allowed = isLetterOrDigit(c) || LOCAL_SYMBOLS.indexOf(c) >= 0;
      if (!allowed || (c == '.' && email.charAt(i + 1) == '.')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDomain(String email, int start) {
    int labels = 0;
    int labelStart = start;
    for (int i = start; i <= email.length(); i++) {
      if (i == email.length() || email.charAt(i) == '.') {
        boolean last = i == email.length();
        if (!(last ? isTopLevel(email, labelStart, i) : isLabel(email, labelStart, i))) {
          return false;
        }
        labels++;
        labelStart = i + 1;
      }
    }
    return labels >= 2;
  }

  private static boolean isLabel(String email, int start, int end) {
    if (end - start < 1 || end - start > MAX_LABEL
        || email.charAt(start) == '-' || email.charAt(end - 1) == '-') {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = email.charAt(i);
      if (!isLetterOrDigit(c) && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isTopLevel(String email, int start, int end) {
    if (end - start < 2 || end - start > MAX_LABEL) {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = email.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
}
