package io.spoor.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SessionCookieTest {

  @Test
  void capturedCookieParsesIntoItsFields() {
    assertEquals(new SessionCookie(226818242, 2, 1783937475079L),
        SessionCookie.parse("226818242.2.1783937475079").orElseThrow());
  }

  @Test
  void parsedCookieFormatsBackByteIdentically() {
    String value = "9267242.1.1728971805584";
    assertEquals(value, SessionCookie.parse(value).orElseThrow().format());
  }

  @Test
  void malformedValuesParseToEmptyWithoutThrowing() {
    for (String bad : Arrays.asList(null, "", "1.2", "1.2.3.4", "a.1.1", "1.0.1", "1.01.1",
        "1..1", "1.1.-5", "1.1.1e3", "1.2147483648.1", "\u0661.1.1")) {
      assertTrue(SessionCookie.parse(bad).isEmpty(), () -> "accepted " + bad);
    }
  }
}
