package io.spoor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A list kept as a data file beside the class that uses it, read once when that class loads:
 * UTF-8, one entry a line; blank lines and lines starting with {@code #} are left out, and
 * each entry is trimmed.
 */
public final class ListFile {
  private ListFile() {
  }

  /** The entries of the resource {@code name}, found relative to {@code owner}, in file order. */
  public static List<String> read(Class<?> owner, String name) {
    InputStream in = owner.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(name + " is missing from the jar (beside " + owner.getName() + ")");
    }
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return lines.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + name, e);
    }
  }
}
