package io.spoor.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A command line split into words and {@code --flag value} / {@code --flag=value} pairs. */
record Args(List<String> words, Map<String, String> flags) {

  static Args parse(String[] argv) {
    List<String> words = new ArrayList<>();
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i < argv.length; i++) {
      String arg = argv[i];
      if (!arg.startsWith("--")) {
        words.add(arg);
      } else if (arg.contains("=")) {
        flags.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
      } else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
        flags.put(arg.substring(2), argv[++i]);
      } else {
        flags.put(arg.substring(2), "true");
      }
    }
    return new Args(words, flags);
  }

  /** Removes and returns a command option, so the rest can be read as settings. */
  String take(String name) {
    String value = flags.remove(name);
    if (value == null) {
      throw new UsageException("--" + name + " is required");
    }
    return value;
  }

  String takeOr(String name, String fallback) {
    String value = flags.remove(name);
    return value == null ? fallback : value;
  }
}
