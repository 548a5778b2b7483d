package io.spoor.app;

import io.spoor.Ids;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * One setting: its flag {@code --name}, its environment variable {@code SPOOR_NAME}, its type
 * (a parser that returns empty for a bad value), default and one line of documentation.
 */
public record Setting<T>(String name, String doc, Optional<T> fallback, Function<String, Optional<T>> parser,
    String expected, boolean secret) {

  public String flag() {
    return "--" + name;
  }

  public String env() {
    return "SPOOR_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  static Setting<Integer> integer(String name, int fallback, int min, int max, String doc) {
    return new Setting<>(name, doc, Optional.of(fallback), raw -> {
      try {
        int value = Integer.parseInt(raw.trim());
        return value >= min && value <= max ? Optional.of(value) : Optional.empty();
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }, "a whole number from " + min + " to " + max, false);
  }

  static Setting<Long> positiveLong(String name, long fallback, String doc) {
    return new Setting<>(name, doc, Optional.of(fallback), raw -> Ids.parse(raw.trim()).filter(n -> n > 0),
        "a positive whole number", false);
  }

  static Setting<String> text(String name, String fallback, String doc) {
    return new Setting<>(name, doc, Optional.ofNullable(fallback),
        raw -> raw.isBlank() ? Optional.empty() : Optional.of(raw.trim()), "a non-empty text", false);
  }

  static Setting<String> secret(String name, String doc) {
    return new Setting<>(name, doc, Optional.empty(),
        raw -> raw.trim().length() >= 16 ? Optional.of(raw.trim()) : Optional.empty(),
        "at least 16 characters", true);
  }
}
