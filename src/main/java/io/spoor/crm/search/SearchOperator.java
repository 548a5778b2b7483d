package io.spoor.crm.search;

import java.util.Arrays;
import java.util.Optional;

/** The filter operators of HubSpot's CRM search, by wire name, with the values each takes. */
enum SearchOperator {
  EQ(Arity.ONE), NEQ(Arity.ONE), LT(Arity.ONE), LTE(Arity.ONE), GT(Arity.ONE), GTE(Arity.ONE),
  BETWEEN(Arity.RANGE), IN(Arity.LIST), NOT_IN(Arity.LIST), HAS_PROPERTY(Arity.NONE),
  NOT_HAS_PROPERTY(Arity.NONE), CONTAINS_TOKEN(Arity.ONE), NOT_CONTAINS_TOKEN(Arity.ONE);

  /** What a filter carries: nothing, {@code value}, {@code value} and {@code highValue}, or {@code values}. */
  public enum Arity {
    NONE, ONE, RANGE, LIST
  }

  private final Arity arity;

  SearchOperator(Arity arity) {
    this.arity = arity;
  }

  public Arity arity() {
    return arity;
  }

  /** True for the operators that match words of a text value. */
  public boolean byToken() {
    return this == CONTAINS_TOKEN || this == NOT_CONTAINS_TOKEN;
  }

  public static Optional<SearchOperator> fromWireName(String name) {
    return Arrays.stream(values()).filter(o -> o.name().equals(name)).findFirst();
  }
}
