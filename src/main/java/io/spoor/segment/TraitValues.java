package io.spoor.segment;

import io.spoor.crm.EpochMillis;
import io.spoor.crm.PropertyDefinition;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A mapped trait's value as the wire text of its property, by the property's type: a
 * {@code number} property takes a JSON number and a {@code bool} property a JSON boolean (else
 * the trait is refused); a {@code date} property takes an ISO-8601 date or instant, or a UNIX
 * timestamp, as epoch ms at midnight UTC of that day; a {@code datetime} property keeps the
 * instant. {@code null} and {@code ""} clear. Other checks (options, lengths, lifecycle order)
 * are the CRM's own, applied after.
 */
final class TraitValues {
  /** Timestamps below this are UNIX seconds; from it on, epoch milliseconds (1e11 s is the year 5138). */
  static final long SECONDS_BELOW = 100_000_000_000L;
  private static final long DAY = 86_400_000L;
  private static final Pattern DIGITS = Pattern.compile("-?\\d{1,15}");

  private TraitValues() {
  }

  /** The wire text, or why the trait's type does not fit the property (empty text clears). */
  sealed interface Text {
  }

  record Fits(String text) implements Text {
  }

  record WrongType(String problem) implements Text {
  }

  static Text of(PropertyDefinition definition, Object value) {
    if (value == null || value instanceof String s && s.isEmpty()) {
      return new Fits("");
    }
    switch (definition.type()) {
      case NUMBER:
        return value instanceof Number n ? new Fits(Traits.numberText(n)) : wrong(definition, "a number", value);
      case BOOL:
        return value instanceof Boolean b ? new Fits(b.toString()) : wrong(definition, "true or false", value);
      case DATE:
        return value instanceof Boolean ? wrong(definition, "a date", value)
            : new Fits(epochMillis(value).map(ms -> Long.toString(Math.floorDiv(ms, DAY) * DAY))
                .orElse(Traits.text(value)));
      case DATETIME:
        return value instanceof Boolean ? wrong(definition, "a date and time", value)
            : new Fits(epochMillis(value).map(ms -> Long.toString(ms)).orElse(Traits.text(value)));
      default:
        return new Fits(Traits.text(value));
    }
  }

  /** A point in time from a UNIX timestamp (seconds, or ms from {@link #SECONDS_BELOW}) or ISO-8601 text. */
  static Optional<Long> epochMillis(Object value) {
    String text = Traits.text(value).trim();
    if (value instanceof Number || DIGITS.matcher(text).matches()) {
      try {
        long n = Long.parseLong(text);
        return Optional.of(Math.abs(n) < SECONDS_BELOW ? n * 1000 : n);
      } catch (NumberFormatException e) {
        return Optional.empty(); // a fraction or out of range: not a timestamp
      }
    }
    return EpochMillis.parse(text);
  }

  private static Text wrong(PropertyDefinition definition, String expected, Object value) {
    return new WrongType(definition.name() + " takes " + expected + ", not " + kind(value));
  }

  private static String kind(Object value) {
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Number) {
      return "a number";
    }
    return value instanceof Boolean ? "a boolean" : "a JSON value of another type";
  }
}
