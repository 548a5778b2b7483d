package io.spoor.crm;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * HubSpot's value rules, applied to values from every source (API, tracking code, Events
 * HTTP API, Segment): numbers must parse, booleans are true|false, dates are epoch ms at
 * midnight UTC (or yyyy-MM-dd), datetimes epoch ms or ISO-8601, enumerations one of their
 * options ({@code ;} separates several for checkboxes), lifecycle stage only moves forward.
 * Values are stored canonically: numbers plain, dates and datetimes as epoch ms.
 */
public final class PropertyValues {
  public static final int MAX_LENGTH = 65_536;
  /** The longest value of a custom property with unique values (they are indexed). */
  public static final int MAX_UNIQUE_LENGTH = 512;
  private static final BigDecimal MAX_NUMBER = new BigDecimal("1e18");

  private PropertyValues() {
  }

  /**
   * Checks a raw value; {@code current} (the stored value) is asked for only when a rule
   * depends on it.
   */
  public static PropertyValue check(PropertyDefinition def, String raw, Supplier<Optional<String>> current) {
    if (def.readOnly()) {
      return new PropertyValue.Invalid(def.name() + " is read-only");
    }
    if (raw.isEmpty()) {
      return new PropertyValue.Clear();
    }
    if (raw.length() > MAX_LENGTH) {
      return new PropertyValue.Invalid(def.name() + " is longer than " + MAX_LENGTH + " characters");
    }
    if (def.hasUniqueValue() && !def.hubspotDefined() && raw.length() > MAX_UNIQUE_LENGTH) {
      return new PropertyValue.Invalid(def.name() + " has unique values, which are at most " + MAX_UNIQUE_LENGTH
          + " characters");
    }
    PropertyValue value = typed(def, raw);
    if (value instanceof PropertyValue.Set set && ContactProperties.LIFECYCLESTAGE.equals(def.name())) {
      return forwardOnly(set.value(), current.get());
    }
    return value;
  }

  private static PropertyValue typed(PropertyDefinition def, String raw) {
    switch (def.type()) {
      case NUMBER:
        return number(raw).<PropertyValue>map(PropertyValue.Set::new)
            .orElse(new PropertyValue.Invalid(def.name() + " must be a number, was " + quote(raw)));
      case BOOL:
        String lower = raw.trim().toLowerCase(Locale.ROOT);
        return lower.equals("true") || lower.equals("false") ? new PropertyValue.Set(lower)
            : new PropertyValue.Invalid(def.name() + " must be true or false, was " + quote(raw));
      case DATE:
        return date(def.name(), raw.trim());
      case DATETIME:
        return datetime(def.name(), raw.trim());
      case ENUMERATION:
        return enumeration(def, raw);
      default:
        return new PropertyValue.Set(raw);
    }
  }

  /** A finite number within ±1e18, in plain canonical form. */
  public static Optional<String> number(String raw) {
    try {
      BigDecimal n = new BigDecimal(raw.trim()).stripTrailingZeros();
      if (n.abs().compareTo(MAX_NUMBER) > 0 || n.scale() > 12) {
        return Optional.empty();
      }
      return Optional.of(n.toPlainString());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static PropertyValue date(String name, String raw) {
    Optional<Long> millis = EpochMillis.parse(raw);
    if (millis.isEmpty()) {
      return new PropertyValue.Invalid(name + " must be a date (epoch ms at midnight UTC), was " + quote(raw));
    }
    return EpochMillis.isMidnight(millis.get()) ? new PropertyValue.Set(Long.toString(millis.get()))
        : new PropertyValue.Invalid(name + " must be at midnight UTC, was " + quote(raw));
  }

  private static PropertyValue datetime(String name, String raw) {
    return EpochMillis.parse(raw).<PropertyValue>map(millis -> new PropertyValue.Set(Long.toString(millis)))
        .orElseGet(() -> new PropertyValue.Invalid(name + " must be epoch ms or ISO-8601, was " + quote(raw)));
  }

  private static PropertyValue enumeration(PropertyDefinition def, String raw) {
    String[] members = "checkbox".equals(def.fieldType()) ? raw.split(";") : new String[] {raw};
    for (String member : members) {
      if (!def.allowsOption(member)) {
        return new PropertyValue.Invalid(def.name() + " has no option " + quote(member));
      }
    }
    return new PropertyValue.Set(raw);
  }

  private static PropertyValue forwardOnly(String next, Optional<String> current) {
    int from = current.map(ContactProperties.LIFECYCLE_STAGES::indexOf).orElse(-1);
    int to = ContactProperties.LIFECYCLE_STAGES.indexOf(next);
    return to >= from ? new PropertyValue.Set(next) : new PropertyValue.Invalid(
        "lifecyclestage only moves forward (from " + current.orElse("") + " to " + next + "); clear it first");
  }

  private static String quote(String raw) {
    String shown = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
    return "\"" + shown + "\"";
  }
}
