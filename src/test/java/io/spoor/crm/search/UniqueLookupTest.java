package io.spoor.crm.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.crm.PropertyType;
import io.spoor.crm.PropertyValues;
import io.spoor.crm.search.ObjectSearchStore.Condition;
import io.spoor.crm.search.ObjectSearchStore.Uniqueness;
import io.spoor.crm.search.UniqueLookup.Range;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The ranges of {@code unique_value} a search reads for a filter on a property with unique values. */
class UniqueLookupTest {

  @Test
  void anEmailIsLookedUpLowercasedAsItIsStored() {
    assertEquals(Optional.of(List.of(new Range("ada@example.com", "ada@example.com"))),
        UniqueLookup.ranges(condition(Uniqueness.KEY, PropertyType.STRING, SearchOperator.EQ, "Ada@EXAMPLE.com")));
  }

  @Test
  void everyCaseOfACustomValueLiesInOneOfItsRanges() {
    for (String value : List.of("ab-1", "XY-7", "abcdefghij-k", "0042", "Ünïcode-Ab", "a", "ß-Straße")) {
      List<Range> ranges = UniqueLookup.ranges(condition(Uniqueness.CUSTOM, PropertyType.STRING,
          SearchOperator.EQ, value)).orElseThrow();
      assertTrue(ranges.size() <= 64, value + ": " + ranges.size() + " ranges");
      for (String variant : asciiCases(value)) {
        assertTrue(ranges.stream().anyMatch(r -> within(variant, r)), variant + " outside " + ranges);
      }
    }
  }

  @Test
  void aValueWithoutLettersIsOnePoint() {
    assertEquals(Optional.of(List.of(new Range("0042-17", "0042-17"))),
        UniqueLookup.ranges(condition(Uniqueness.CUSTOM, PropertyType.STRING, SearchOperator.EQ, "0042-17")));
  }

  @Test
  void manyValuesShareTheBudgetOfRanges() {
    String[] values = IntStream.range(0, 1000).mapToObj(i -> "code-" + i).toArray(String[]::new);
    List<Range> ranges = UniqueLookup.ranges(condition(Uniqueness.CUSTOM, PropertyType.STRING, SearchOperator.IN,
        values)).orElseThrow();
    assertTrue(ranges.size() <= UniqueLookup.MAX_RANGES, ranges.size() + " ranges");
    assertTrue(ranges.stream().anyMatch(r -> within("CoDe-999", r)));
  }

  @Test
  void filtersThatAreNotAnExactValueOfAUniqueTextPropertyAreNotLookedUp() {
    assertEquals(Optional.empty(), UniqueLookup.ranges(condition(Uniqueness.NONE, PropertyType.STRING,
        SearchOperator.EQ, "ada")));
    assertEquals(Optional.empty(), UniqueLookup.ranges(condition(Uniqueness.KEY, PropertyType.STRING,
        SearchOperator.NEQ, "ada@example.com")));
    assertEquals(Optional.empty(), UniqueLookup.ranges(condition(Uniqueness.CUSTOM, PropertyType.NUMBER,
        SearchOperator.EQ, "12")));
    assertEquals(Optional.empty(), UniqueLookup.ranges(condition(Uniqueness.CUSTOM, PropertyType.DATETIME,
        SearchOperator.EQ, "1700000000000")));
    assertEquals(Optional.empty(), UniqueLookup.ranges(condition(Uniqueness.CUSTOM, PropertyType.STRING,
        SearchOperator.EQ, "x".repeat(PropertyValues.MAX_UNIQUE_LENGTH + 1))));
  }

  private static Condition condition(Uniqueness uniqueness, PropertyType type, SearchOperator operator,
      String... values) {
    return new Condition("code", type, operator, Arrays.asList(values), uniqueness);
  }

  /** Every spelling of the value with its ASCII letters in either case. */
  private static List<String> asciiCases(String value) {
    List<String> all = new ArrayList<>(List.of(""));
    for (char c : value.toCharArray()) {
      List<String> longer = new ArrayList<>();
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      for (String start : all) {
        if (letter) {
          longer.add(start + Character.toLowerCase(c));
          longer.add(start + Character.toUpperCase(c));
        } else {
          longer.add(start + c);
        }
      }
      all = longer;
    }
    return all;
  }

  /** In the range as SQLite orders text: by the bytes of its UTF-8 form. */
  private static boolean within(String value, Range range) {
    return compare(range.low(), value) <= 0 && compare(value, range.high()) <= 0;
  }

  private static int compare(String a, String b) {
    return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
