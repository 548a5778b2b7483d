package io.spoor.crm.search;

import io.spoor.crm.PropertyType;
import io.spoor.crm.PropertyValues;
import io.spoor.crm.search.ObjectSearchStore.Condition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which rows of {@code unique_value} an {@code EQ} or {@code IN} filter on a property with
 * unique values can match, as ranges of stored values, so a search reads those rows instead of
 * every contact. The ranges are a superset: the search still checks the filter on each contact
 * they name, so what matches is exactly what a scan finds.
 *
 * <p>Text compares ignoring case as SQLite's {@code LOWER} does (ASCII letters only) and orders
 * by bytes. A key value (email) is stored lowercased, so one value is looked up: the filter's,
 * lowercased. A custom value is stored as written, so any ASCII case of the filter's value may
 * be stored: every case of its first letters is looked up exactly, and for each the rest lies
 * between its upper- and lower-case forms (uppercase letters sort first).
 */
final class UniqueLookup {
  /** Stored values from {@code low} to {@code high}, both included. */
  record Range(String low, String high) {
  }

  /** At most this many ranges for one filter: enough to look up 1,000 values, or 64 cases of one. */
  static final int MAX_RANGES = 1024;
  private static final int MAX_CASED_LETTERS = 6;

  private UniqueLookup() {
  }

  /** The ranges holding every stored value the filter can match; empty when it cannot be looked up. */
  static Optional<List<Range>> ranges(Condition c) {
    if (c.operator() != SearchOperator.EQ && c.operator() != SearchOperator.IN) {
      return Optional.empty();
    }
    return switch (c.uniqueness()) {
      case KEY -> Optional.of(c.values().stream().map(UniqueLookup::lower).distinct()
          .map(v -> new Range(v, v)).toList());
      case CUSTOM -> custom(c);
      case NONE -> Optional.empty();
    };
  }

  private static Optional<List<Range>> custom(Condition c) {
    boolean text = c.type() == PropertyType.STRING || c.type() == PropertyType.ENUMERATION
        || c.type() == PropertyType.BOOL;
    // numbers and dates compare as numbers, which the stored text does not tell; a longer value was never indexed
    if (!text || c.values().stream().anyMatch(v -> v.length() > PropertyValues.MAX_UNIQUE_LENGTH)) {
      return Optional.empty();
    }
    int letters = Math.min(MAX_CASED_LETTERS,
        31 - Integer.numberOfLeadingZeros(Math.max(1, MAX_RANGES / c.values().size())));
    Set<Range> ranges = new LinkedHashSet<>();
    for (String value : c.values()) {
      ranges.addAll(cases(value, letters));
    }
    return Optional.of(List.copyOf(ranges));
  }

  /** Every case of the value's first {@code letters} ASCII letters, each followed by the range of the rest. */
  private static List<Range> cases(String value, int letters) {
    int head = 0;
    int seen = 0;
    while (head < value.length() && seen < letters) {
      if (isAsciiLetter(value.charAt(head))) {
        seen++;
      }
      head++;
    }
    String rest = value.substring(head);
    Range tail = new Range(upper(rest), lower(rest));
    List<String> heads = new ArrayList<>(List.of(""));
    for (char c : value.substring(0, head).toCharArray()) {
      List<String> longer = new ArrayList<>();
      for (String start : heads) {
        if (isAsciiLetter(c)) {
          longer.add(start + Character.toUpperCase(c));
          longer.add(start + Character.toLowerCase(c));
        } else {
          longer.add(start + c);
        }
      }
      heads = longer;
    }
    return heads.stream().map(start -> new Range(start + tail.low(), start + tail.high())).toList();
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  /** ASCII letters lowercased, as SQLite's {@code LOWER}; everything else as it is. */
  static String lower(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return out.toString();
  }

  private static String upper(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      out.append(c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c);
    }
    return out.toString();
  }
}
