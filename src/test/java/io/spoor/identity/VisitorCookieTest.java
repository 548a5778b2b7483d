package io.spoor.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VisitorCookieTest {

  static final String REFERENCE =
      "9267242.75d0249612114fbb19382a1e0ef233ce.1728971805584.1728971805584.1728971805584.1";
  static final String CAPTURED =
      "226818242.1380c1d2e3f4a5b6c7d8e9f0a1b2c3d4.1783669943308.1783669943308.1783937475079.2";

  @Test
  void referenceCookieParsesIntoItsFields() {
    VisitorCookie c = VisitorCookie.parse(REFERENCE).orElseThrow();
    assertEquals(new VisitorCookie(9267242, "75d0249612114fbb19382a1e0ef233ce",
        1728971805584L, 1728971805584L, 1728971805584L, 1), c);
  }

  @Test
  void parsedCookiesFormatBackByteIdentically() {
    assertEquals(REFERENCE, VisitorCookie.parse(REFERENCE).orElseThrow().format());
    assertEquals(CAPTURED, VisitorCookie.parse(CAPTURED).orElseThrow().format());
  }

  @Test
  void aVisitorTokenIsExactlyThirtyTwoHexDigitsOfEitherCase() {
    assertTrue(VisitorCookie.isUtk("0123456789abcdefABCDEF0123456789"));
    for (String bad : Arrays.asList(null, "", "0123456789abcdef0123456789abcde",
        "0123456789abcdef0123456789abcdef0", "0123456789abcdef0123456789abcdeg",
        "0123456789abcdef0123456789abcde\u0663", "0123456789abcdef0123456789abcde\uff21",
        "0123456789abcdef 123456789abcdef")) {
      assertFalse(VisitorCookie.isUtk(bad), String.valueOf(bad));
    }
  }

  @Test
  void upperCaseTokenIsKeptAsWritten() {
    String upper = "9267242.75D0249612114FBB19382A1E0EF233CE.1.2.3.4";
    assertEquals(upper, VisitorCookie.parse(upper).orElseThrow().format());
  }

  @Test
  void malformedValuesParseToEmptyWithoutThrowing() {
    for (String bad : Arrays.asList(null, "", "garbage", "9267242", "1.2.3.4.5",
        REFERENCE + ".7", REFERENCE.replace(".1728971805584.", "..") ,
        "9267242.75d0249612114fbb19382a1e0ef233c.1.1.1.1",
        "9267242.75d0249612114fbb19382a1e0ef233cg.1.1.1.1",
        "-1.75d0249612114fbb19382a1e0ef233ce.1.1.1.1",
        "09267242.75d0249612114fbb19382a1e0ef233ce.1.1.1.1",
        "9267242.75d0249612114fbb19382a1e0ef233ce.1.1.1.0",
        "9267242.75d0249612114fbb19382a1e0ef233ce.1.1.+1.1",
        "9267242.75d0249612114fbb19382a1e0ef233ce.1.1.1 .1",
        "99999999999.75d0249612114fbb19382a1e0ef233ce.1.1.1.1",
        "9267242.75d0249612114fbb19382a1e0ef233ce.1.1.99999999999999999999.1")) {
      assertTrue(VisitorCookie.parse(bad).isEmpty(), () -> "accepted " + bad);
    }
  }
}
