package io.spoor.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EpochMillisTest {
  @Test
  void epochMillisecondsAreReadAsTheyAreBeforeAndAfter1970() {
    assertEquals(Optional.of(1_714_557_600_000L), EpochMillis.parse("1714557600000"));
    assertEquals(Optional.of(-86_400_000L), EpochMillis.parse("-86400000"));
  }

  @Test
  void anIsoDateIsItsMidnightUtcAndAnIsoInstantIsThatInstant() {
    assertEquals(Optional.of(1_714_521_600_000L), EpochMillis.parse("2024-05-01"));
    assertEquals(Optional.of(1_714_557_600_000L), EpochMillis.parse("2024-05-01T10:00:00Z"));
    assertEquals(Optional.of(-86_400_000L), EpochMillis.parse("1969-12-31"));
  }

  @Test
  void textThatIsNoneOfThemIsNotATime() {
    assertEquals(Optional.empty(), EpochMillis.parse("yesterday"));
    assertEquals(Optional.empty(), EpochMillis.parse("2024-13-01"));
    assertEquals(Optional.empty(), EpochMillis.parse("1234567890123456"));
    assertEquals(Optional.empty(), EpochMillis.parse(""));
  }

  @Test
  void midnightIsTheStartOfADayUtcOnEitherSideOf1970() {
    assertTrue(EpochMillis.isMidnight(1_714_521_600_000L));
    assertTrue(EpochMillis.isMidnight(-86_400_000L));
    assertFalse(EpochMillis.isMidnight(1_714_557_600_000L));
    assertFalse(EpochMillis.isMidnight(-43_200_000L));
  }
}
