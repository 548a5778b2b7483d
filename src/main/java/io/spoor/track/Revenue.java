package io.spoor.track;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalLong;

/** Event values ({@code _m}, {@code m}): a number from 0 to 1e12, kept as millionths. */
final class Revenue {
  static final String PROBLEM = "the value must be a number from 0 to 1e12; the event was counted without it";
  private static final BigDecimal MAX = new BigDecimal("1e12");

  private Revenue() {
  }

  static OptionalLong micros(String raw) {
    try {
      BigDecimal amount = new BigDecimal(raw.trim());
      if (amount.signum() >= 0 && amount.compareTo(MAX) <= 0) {
        return OptionalLong.of(amount.movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact());
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // not a usable amount
    }
    return OptionalLong.empty();
  }
}
