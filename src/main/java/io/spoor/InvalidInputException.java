package io.spoor;

import java.util.List;
import java.util.Map;

/** A request that breaks a rule of the input: answered 400 VALIDATION_ERROR. */
public class InvalidInputException extends SpoorException {
  private final Map<String, List<String>> context;

  public InvalidInputException(String message) {
    this(message, Map.of());
  }

  public InvalidInputException(String message, Map<String, List<String>> context) {
    super(message);
    this.context = Map.copyOf(context);
  }

  public Map<String, List<String>> context() {
    return context;
  }
}
