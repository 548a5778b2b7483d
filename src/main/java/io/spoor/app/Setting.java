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

  /**
   * A secret value: at least 16 characters, at least 8 of them different, so that a value such
   * as {@code aaaaaaaaaaaaaaaa} or {@code abababababababab} is refused. The value is never echoed.
   */
  static Setting<String> secret(String name, String doc) {
    return new Setting<>(name, doc, Optional.empty(),
        raw -> raw.trim().length() >= 16 && raw.trim().chars().distinct().count() >= 8
            ? Optional.of(raw.trim()) : Optional.empty(),
        "at least 16 characters with at least 8 different ones (e.g. the output of openssl rand -hex 32)", true);
  }

  /** An http:// or https:// URL with a host, kept without a trailing slash. */
  static Setting<String> url(String name, String doc) {
    return new Setting<>(name, doc, Optional.empty(), raw -> {
      try {
        java.net.URI uri = new java.net.URI(raw.trim());
        boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
        return web && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null
            ? Optional.of(raw.trim().replaceFirst("/+$", "")) : Optional.empty();
      } catch (java.net.URISyntaxException e) {
        return Optional.empty();
      }
    }, "an http:// or https:// URL without query or fragment", false);
  }

  /**
   * A JDBC URL of a PostgreSQL database; not echoed in errors, as its query may hold a password.
   * No default: without it the store is the embedded one.
   */
  static Setting<String> postgresUrl(String name, String doc) {
    return new Setting<>(name, doc, Optional.empty(),
        raw -> raw.trim().startsWith("jdbc:postgresql://") ? Optional.of(raw.trim()) : Optional.empty(),
        "a PostgreSQL URL such as jdbc:postgresql://host:5432/spoor?user=spoor&password=…", true);
  }

  /** A path to a file that exists and can be read. */
  static Setting<java.nio.file.Path> readableFile(String name, String doc) {
    return new Setting<>(name, doc, Optional.empty(), raw -> {
      try {
        java.nio.file.Path path = java.nio.file.Path.of(raw.trim());
        return java.nio.file.Files.isRegularFile(path) && java.nio.file.Files.isReadable(path)
            ? Optional.of(path) : Optional.empty();
      } catch (java.nio.file.InvalidPathException e) {
        return Optional.empty();
      }
    }, "a readable file", false);
  }

  /** One of {@code choices}. */
  static Setting<String> choice(String name, String fallback, java.util.List<String> choices, String doc) {
    return new Setting<>(name, doc, Optional.of(fallback),
        raw -> choices.contains(raw.trim()) ? Optional.of(raw.trim()) : Optional.empty(),
        "one of " + String.join(", ", choices), false);
  }

  /** {@code local} or a {@code kafka://} address. */
  static Setting<String> ingestLog(String name, String doc) {
    return new Setting<>(name, doc, Optional.of(Settings.LOCAL_LOG),
        raw -> raw.trim().equals(Settings.LOCAL_LOG) || io.spoor.kafka.KafkaAddress.parse(raw).isPresent()
            ? Optional.of(raw.trim()) : Optional.empty(),
        Settings.LOCAL_LOG + " or kafka://host:port[,host:port]/topic", false);
  }
}
