package io.spoor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void oneToEighteenAsciiDigitsAreAnId() {
    assertEquals(Optional.of(7L), Ids.parse("7"));
    assertEquals(Optional.of(1625L), Ids.parse("000000001625"));
    assertEquals(Optional.of(999_999_999_999_999_999L), Ids.parse("999999999999999999"));
  }

  @Test
  void anythingElseIsNoId() {
    for (String text : new String[] {"", " 7", "7 ", "-7", "+7", "7.0", "1e3", "1234567890123456789", "\u0667",
        "12a"}) {
      assertEquals(Optional.empty(), Ids.parse(text), text);
    }
  }
}
