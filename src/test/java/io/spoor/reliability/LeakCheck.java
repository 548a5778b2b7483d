package io.spoor.reliability;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What an answer must never show a client: traces of the stack, the runtime or the store. */
final class LeakCheck {
  static final List<String> MARKERS = List.of("Exception", "at io.", "at java", "java.", "javax.",
      "SQL", "sqlite", "jdbi", "hikari", "vertx", "netty", "NullPointer", "Caused by", ".java:");

  private LeakCheck() {
  }

  /** The first marker the text contains, ignoring case. */
  static Optional<String> leak(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return MARKERS.stream().filter(m -> lower.contains(m.toLowerCase(Locale.ROOT))).findFirst();
  }
}
