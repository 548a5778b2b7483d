package io.spoor.app;

import io.spoor.SpoorException;
import java.util.List;

/** Settings that could not be used, every one named. */
public final class SettingsException extends SpoorException {
  private final List<String> problems;

  public SettingsException(List<String> problems) {
    super("bad settings:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
