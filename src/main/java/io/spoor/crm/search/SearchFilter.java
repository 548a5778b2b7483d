package io.spoor.crm.search;

import io.spoor.InvalidInputException;
import java.util.List;

/**
 * One filter of a search as the client sent it: the property, the operator and its raw values
 * ({@code [value]}, {@code [value, highValue]} for BETWEEN, {@code values} for IN and NOT_IN,
 * none for HAS_PROPERTY and NOT_HAS_PROPERTY).
 */
record SearchFilter(String propertyName, SearchOperator operator, List<String> values) {
  /** More values than this in one IN or NOT_IN filter are refused. */
  public static final int MAX_VALUES = 1000;

  public SearchFilter {
    values = List.copyOf(values);
    int expected = switch (operator.arity()) {
      case NONE -> 0;
      case ONE -> 1;
      case RANGE -> 2;
      case LIST -> values.isEmpty() ? -1 : values.size();
    };
    if (values.size() != expected) {
      throw new InvalidInputException(operator + " on " + propertyName + " needs " + switch (operator.arity()) {
        case NONE -> "no value";
        case ONE -> "a value";
        case RANGE -> "a value and a highValue";
        case LIST -> "a non-empty array of values";
      });
    }
    if (values.size() > MAX_VALUES) {
      throw new InvalidInputException(operator + " takes at most " + MAX_VALUES + " values, got " + values.size());
    }
  }
}
